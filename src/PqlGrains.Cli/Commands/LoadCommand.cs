using System.CommandLine;
using PqlGrains.Cli.Load;

namespace PqlGrains.Cli.Commands;

/// <summary><c>pql load</c>: drives a gateway with realistic Segment batches and reports throughput and ack latency.</summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Gateway base address, e.g. http://127.0.0.1:5000 (batches go to /v1/batch).", Required = true };
        var writeKey = new Option<string>("--write-key") { Description = "Write key sent as the HTTP Basic user name.", DefaultValueFactory = _ => "dev-write-key" };
        var rate = new Option<int>("--rate") { Description = "Target events per second; 0 sends as fast as the gateway acknowledges.", DefaultValueFactory = _ => 0 };
        var duration = new Option<int>("--duration") { Description = "Seconds to send for.", DefaultValueFactory = _ => 10 };
        var users = new Option<int>("--users") { Description = "Distinct users (ten per account).", DefaultValueFactory = _ => 10_000 };
        var batch = new Option<int>("--batch") { Description = "Events per request (the gateway takes up to 500 KB per batch).", DefaultValueFactory = _ => 100 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at most.", DefaultValueFactory = _ => 32 };
        var progress = new Option<bool>("--progress") { Description = "Also print the events accepted so far once a second to stderr ('progress <unix seconds> accepted <n>')." };

        var command = new Command("load", "Send realistic Segment batches to a gateway; report events/s accepted and ack latency p50/p90/p99.")
        {
            url, writeKey, rate, duration, users, batch, concurrency, progress,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // Checked here rather than in command validators, which see 0 for options left at their defaults.
            var errors = new List<string>();
            if (!Uri.TryCreate(parseResult.GetValue(url), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
                errors.Add("--url must be an absolute http(s) address such as http://127.0.0.1:5000.");
            if (parseResult.GetValue(rate) < 0) errors.Add("--rate must be 0 (as fast as possible) or a positive number of events per second.");
            if (parseResult.GetValue(duration) < 1) errors.Add("--duration must be at least 1 second.");
            if (parseResult.GetValue(users) < 1) errors.Add("--users must be at least 1.");
            if (parseResult.GetValue(batch) is < 1 or > 2_000) errors.Add("--batch must be between 1 and 2000 events (the gateway takes up to 500 KB per batch).");
            if (parseResult.GetValue(concurrency) is < 1 or > 1_024) errors.Add("--concurrency must be between 1 and 1024.");
            if (errors.Count > 0)
            {
                errors.ForEach(parseResult.InvocationConfiguration.Error.WriteLine);
                return 2;
            }

            var settings = new LoadSettings(
                address!, parseResult.GetValue(writeKey)!, parseResult.GetValue(rate), TimeSpan.FromSeconds(parseResult.GetValue(duration)),
                parseResult.GetValue(users), parseResult.GetValue(batch), parseResult.GetValue(concurrency));
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency };
            var run = new LoadRun(settings, handler);
            using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var progressLines = parseResult.GetValue(progress)
                ? LoadProgress.WriteAsync(() => run.EventsAcceptedSoFar, parseResult.InvocationConfiguration.Error, stopProgress.Token)
                : Task.CompletedTask;
            var report = await run.RunAsync(cancellationToken);
            await stopProgress.CancelAsync();
            await progressLines;
            report.WriteTo(parseResult.InvocationConfiguration.Output, settings);
            return report.RequestsFailed == 0 && report.EventsAccepted > 0 ? 0 : 1;
        });
        return command;
    }
}
