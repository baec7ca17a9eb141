using System.CommandLine;
using PqlGrains.Cli.Export;

namespace PqlGrains.Cli.Commands;

internal static class ExportCommand
{
    public const string TokenVariable = "PQL_ADMIN_TOKEN";

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Base URL of a running silo's HTTP API, e.g. http://localhost:8080.", Required = true };
        var token = new Option<string?>("--admin-token") { Description = $"The cluster's Pql:Api:AdminToken (default: the {TokenVariable} environment variable)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write feedback.ndjson and conversions.csv into.", Required = true };
        var command = new Command("export", "Export rep feedback on leads and recorded conversions from a running cluster, in the files pql calibrate and pql backtest read.")
        {
            url, token, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = parseResult.InvocationConfiguration;
            try
            {
                var text = parseResult.GetRequiredValue(url);
                if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
                {
                    throw new ArgumentException($"--url '{text}' is not an http(s) URL; give the silo's HTTP address, e.g. http://localhost:8080.");
                }

                var adminToken = parseResult.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenVariable);
                if (string.IsNullOrWhiteSpace(adminToken))
                {
                    throw new ArgumentException($"No admin token: pass --admin-token (the cluster's Pql:Api:AdminToken) or set {TokenVariable}.");
                }

                using var api = new ClusterApi(baseUrl, adminToken);
                var result = await new ClusterExport(api).RunAsync(parseResult.GetRequiredValue(output), cancellationToken);
                foreach (var warning in result.Warnings)
                {
                    console.Error.WriteLine(warning);
                }

                var verdicts = string.Join(", ", result.Feedback.CountBy(f => f.Verdict).Select(v => $"{v.Value} {v.Key}"));
                console.Output.WriteLine($"{result.Feedback.Count} lead verdicts{(verdicts.Length > 0 ? $" ({verdicts})" : string.Empty)} written to {result.FeedbackPath}.");
                console.Output.WriteLine($"{result.Conversions.Count} conversions written to {result.ConversionsPath}.");
                console.Output.WriteLine($"Calibrate with: pql calibrate --events EVENTS --conversions {result.ConversionsPath} --feedback {result.FeedbackPath} --out calibrated.yaml --target-rate 0.15");
                return 0;
            }
            catch (Exception error) when (error is ArgumentException or ClusterExportException or IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine(error.Message);
                return 2;
            }
        });
        return command;
    }
}
