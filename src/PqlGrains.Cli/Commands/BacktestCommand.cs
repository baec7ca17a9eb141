using System.CommandLine;
using System.Diagnostics;
using PqlGrains.Calibration.Metrics;
using PqlGrains.Calibration.Replay;
using PqlGrains.Calibration.Reports;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Cli.Commands;

internal static class BacktestCommand
{
    public static Command Create()
    {
        var definition = new Option<FileInfo?>("--definition") { Description = "Definition YAML to replay (default: the shipped default definition)." };
        var events = new Option<FileInfo>("--events") { Description = "Segment NDJSON file of past events.", Required = true };
        var conversions = new Option<FileInfo>("--conversions") { Description = "CSV with header user_id,account_id,converted_at,amount.", Required = true };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Start of the judged window (default: first event)." };
        var to = new Option<DateTimeOffset?>("--to") { Description = "End of the judged window (default: last event)." };
        var horizon = new Option<string>("--horizon") { Description = "A flag counts as precise when the subject converts within this time (e.g. 60d, 12h).", DefaultValueFactory = _ => "60d" };
        var level = new Option<SubjectLevel>("--level") { Description = "Judge users or accounts.", DefaultValueFactory = _ => SubjectLevel.User };
        var tier = new Option<string?>("--tier") { Description = "Tier whose first crossing is the flag (default: the highest tier)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var html = new Option<FileInfo?>("--html") { Description = "Also write a self-contained HTML report to this file." };
        var command = new Command("backtest", "Replay past events through a definition and measure PQL rate, precision, recall and lead time against conversions.")
        {
            definition, events, conversions, from, to, horizon, level, tier, json, html,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = parseResult.InvocationConfiguration;
            try
            {
                var pqlDefinition = CliInputs.LoadDefinition(parseResult.GetValue(definition));
                var history = await EventHistory.LoadAsync(parseResult.GetRequiredValue(events).FullName, cancellationToken);
                var subjectLevel = parseResult.GetValue(level);
                var ledger = ConversionFile.ToLedger(ConversionFile.Read(parseResult.GetRequiredValue(conversions).FullName), subjectLevel);
                var window = new BacktestWindow(
                    parseResult.GetValue(from) ?? history.First,
                    parseResult.GetValue(to) ?? history.Last,
                    CliInputs.ParseDuration(parseResult.GetValue(horizon)!, "--horizon"));
                CliInputs.ReportRejections(history, console.Error);
                var stopwatch = Stopwatch.StartNew();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var replay = BacktestReplay.Run(pqlDefinition, history.Events, subjectLevel);
                var elapsed = stopwatch.Elapsed;
                // On a shared machine wall time mostly measures other processes; CPU time is the replay's own cost.
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                var report = BacktestReport.Build(replay, ledger, window, parseResult.GetValue(tier));
                if (parseResult.GetValue(json))
                {
                    console.Output.WriteLine(BacktestJson.Serialize(report));
                }
                else
                {
                    BacktestText.Write(report, console.Output);
                    console.Output.WriteLine();
                    console.Output.WriteLine($"Replayed {replay.EventsReplayed:N0} events in {elapsed.TotalSeconds:F2} s wall ({replay.EventsReplayed / Math.Max(elapsed.TotalSeconds, 1e-9):N0} events/s), {cpu.TotalSeconds:F2} s CPU ({replay.EventsReplayed / Math.Max(cpu.TotalSeconds, 1e-9):N0} events/s of CPU time).");
                }

                if (parseResult.GetValue(html) is { } htmlFile)
                {
                    await File.WriteAllTextAsync(htmlFile.FullName, BacktestHtml.Render(report), cancellationToken);
                    console.Error.WriteLine($"HTML report written to {htmlFile.FullName}");
                }

                return 0;
            }
            catch (Exception error) when (error is ArgumentException or FormatException or IOException or InvalidDefinitionException)
            {
                console.Error.WriteLine(error.Message);
                return 2;
            }
        });
        return command;
    }
}
