using System.CommandLine;
using System.Diagnostics;
using PqlGrains.Cli.Live;
using PqlGrains.Simulation;

namespace PqlGrains.Cli.Commands;

internal static class SimulateCommand
{
    public static Command Create()
    {
        var users = new Option<int>("--users") { Description = "Number of users who sign up over the period.", DefaultValueFactory = _ => 1_000 };
        var accounts = new Option<int>("--accounts") { Description = "Number of companies (accounts) company-email users belong to.", DefaultValueFactory = _ => 150 };
        var days = new Option<int>("--days") { Description = "Length of the simulated period in days.", DefaultValueFactory = _ => 90 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed: the same seed gives byte-identical output.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Directory to write events.ndjson and conversions.csv into." };
        var live = new Option<string?>("--live") { Description = "Base URL of a running gateway (e.g. http://localhost:8080) to stream the product into instead of writing files." };
        var writeKey = new Option<string?>("--write-key") { Description = "Write key for --live (sent as the HTTP Basic user name)." };
        var speed = new Option<double>("--speed") { Description = "For --live: simulated seconds per wall-clock second.", DefaultValueFactory = _ => 8_640 };
        var command = new Command("simulate", "Generate a synthetic product (events and conversions) from a hidden model, to files or live into a gateway.")
        {
            users, accounts, days, seed, output, live, writeKey, speed,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = parseResult.InvocationConfiguration;
            var options = new SimulationOptions
            {
                Users = parseResult.GetValue(users),
                Accounts = parseResult.GetValue(accounts),
                Days = parseResult.GetValue(days),
                Seed = parseResult.GetValue(seed),
            };
            try
            {
                options.Validate();
                var liveUrl = parseResult.GetValue(live);
                var directory = parseResult.GetValue(output);
                if (liveUrl is not null)
                {
                    if (!Uri.TryCreate(liveUrl.EndsWith('/') ? liveUrl : liveUrl + "/", UriKind.Absolute, out var gateway) || gateway.Scheme is not ("http" or "https"))
                    {
                        throw new ArgumentException($"--live '{liveUrl}' is not an http(s) URL; give the gateway's base URL, e.g. http://localhost:8080.");
                    }

                    var key = parseResult.GetValue(writeKey);
                    if (string.IsNullOrWhiteSpace(key))
                    {
                        throw new ArgumentException("--live needs --write-key (one of the gateway's Pql:Gateway:WriteKeys; the embedded silo prints its key at start).");
                    }

                    return await StreamLiveAsync(options, gateway, key, parseResult.GetValue(speed), console.Output, cancellationToken);
                }

                if (directory is null)
                {
                    throw new ArgumentException("Give --out DIR to write files, or --live URL --write-key KEY to stream into a gateway.");
                }

                var stopwatch = Stopwatch.StartNew();
                var summary = await SimulationFiles.WriteAsync(options, directory.FullName, cancellationToken);
                console.Output.WriteLine($"Simulated {summary.Users} users ({summary.PersonalUsers} personal emails) in {summary.Accounts} accounts over {summary.Days} days (seed {options.Seed}).");
                console.Output.WriteLine($"{summary.Events} events -> {Path.Combine(directory.FullName, SimulationFiles.EventsFileName)}");
                console.Output.WriteLine($"{summary.Conversions} conversions ({summary.ConvertedAccounts} accounts) -> {Path.Combine(directory.FullName, SimulationFiles.ConversionsFileName)}");
                console.Output.WriteLine($"{summary.ChurnedUsers} users churned. Took {stopwatch.Elapsed.TotalSeconds:F1} s.");
                return 0;
            }
            catch (ArgumentException error)
            {
                console.Error.WriteLine(error.Message);
                return 2;
            }
            catch (HttpRequestException error)
            {
                console.Error.WriteLine(error.Message);
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> StreamLiveAsync(SimulationOptions options, Uri gateway, string writeKey, double speed, TextWriter output, CancellationToken cancellationToken)
    {
        var rebased = SimulationFeed.EndingToday(options, DateTimeOffset.UtcNow);
        using var client = new SegmentGatewayClient(gateway, writeKey);
        output.WriteLine($"Streaming {options.Users} simulated users ({rebased.Start:yyyy-MM-dd} to today) into {gateway} at {speed:0.#}x; Ctrl+C stops.");
        long sent = 0;
        await foreach (var batch in SimulationFeed.PlayAsync(rebased, speed, TimeProvider.System, cancellationToken: cancellationToken))
        {
            await client.SendAsync(batch, DateTimeOffset.UtcNow, cancellationToken);
            sent += batch.Count;
            if (sent % 10_000 < batch.Count)
            {
                output.WriteLine($"{sent} events sent (simulated time {batch[^1].Timestamp:yyyy-MM-dd HH:mm}).");
            }
        }

        output.WriteLine($"Done: {sent} events sent.");
        return 0;
    }
}
