using System.Diagnostics;
using PqlGrains.Calibration.Replay;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Benchmarks;

/// <summary>
/// CPU time of a backtest on a shared machine, where wall clock mostly measures the other processes:
/// `replay-cpu EVENTS.ndjson [rounds]` reads the file (process CPU: parsing uses the thread pool), then replays
/// the parsed events at user level several times on this thread (thread CPU from /proc/thread-self/schedstat).
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
            var before = ThreadCpuSeconds();
            var replay = BacktestReplay.Run(PqlDefinition.Default, history.Events, SubjectLevel.User);
            var cpu = ThreadCpuSeconds() - before;
            Console.WriteLine($"replay round {round}: {replay.Subjects.Count:N0} users in {cpu:F3} s thread CPU = {count / cpu:N0} events/s");
        }

        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static double ThreadCpuSeconds() => long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1e9;
}
