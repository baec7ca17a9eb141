using System.Diagnostics;
using PqlGrains.Calibration.Replay;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Benchmarks;

/// <summary>
/// CPU time of a backtest on a shared machine, where wall clock mostly measures the other processes:
/// `replay-cpu EVENTS.ndjson [rounds]` reads the file (process CPU: parsing uses the thread pool), then replays
/// the parsed events at user level several times on this thread, each round the call `pql backtest` makes
/// (<see cref="BacktestReplay.Run"/> with the default definition: grouping by user, matching, applying, tier checks).
/// Per round: thread CPU (from /proc/thread-self/schedstat; includes the gen0/gen1 collections its allocations
/// trigger, which run on this thread), process CPU over the same interval (adds background GC and JIT threads),
/// and the collections that ran.
/// </summary>
internal static class ReplayCpuTime
{
    public const string Command = "replay-cpu";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || !File.Exists(args[1]))
        {
            await Console.Error.WriteLineAsync($"usage: {Command} EVENTS.ndjson [rounds]  (an events file from `pql simulate --out DIR`, DIR/events.ndjson)");
            return 2;
        }

        var rounds = args.Length > 2 && int.TryParse(args[2], out var parsed) && parsed > 0 ? parsed : 5;
        var processBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var history = await EventHistory.LoadAsync(args[1]);
        var parse = Process.GetCurrentProcess().TotalProcessorTime - processBefore;
        var count = history.Events.Count;
        Console.WriteLine($"parse: {count:N0} events in {parse.TotalSeconds:F2} s process CPU = {count / parse.TotalSeconds:N0} events/s");

        for (var round = 1; round <= rounds; round++)
        {
            GC.Collect();
            var collections = CollectionCounts();
            var processBeforeRound = Process.GetCurrentProcess().TotalProcessorTime;
            var before = ThreadCpu.Seconds();
            var replay = BacktestReplay.Run(PqlDefinition.Default, history.Events, SubjectLevel.User);
            var cpu = ThreadCpu.Seconds() - before;
            var process = (Process.GetCurrentProcess().TotalProcessorTime - processBeforeRound).TotalSeconds;
            var after = CollectionCounts();
            Console.WriteLine(
                $"replay round {round}: {replay.Subjects.Count:N0} users in {cpu:F3} s thread CPU = {count / cpu:N0} events/s " +
                $"(process CPU {process:F3} s; GCs gen0/1/2 {after.Gen0 - collections.Gen0}/{after.Gen1 - collections.Gen1}/{after.Gen2 - collections.Gen2})");
        }

        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static (int Gen0, int Gen1, int Gen2) CollectionCounts() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
}
