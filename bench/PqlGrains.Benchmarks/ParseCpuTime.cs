using System.Globalization;

namespace PqlGrains.Benchmarks;

/// <summary>
/// The gateway's batch parse (<see cref="SegmentParseBenchmarks"/>) measured in figures a contended host disturbs
/// least: `parse-cpu [rounds]` runs rounds of 640 batches on this thread and prints, per round, the thread's CPU
/// time and its exact allocated bytes per 100-event batch, then the minimum and median CPU over the rounds (the
/// minimum is the round least disturbed by other processes' cache and scheduler pressure). Compare two builds
/// with alternating runs.
/// </summary>
internal static class ParseCpuTime
{
    public const string Command = "parse-cpu";

    private const int InvocationsPerRound = 2;
    private const int WarmupInvocations = 10;

    public static int Run(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : 30;
        var benchmark = new SegmentParseBenchmarks();
        benchmark.Setup();
        for (var i = 0; i < WarmupInvocations; i++)
        {
            benchmark.ParseLoadBatch();
        }

        var perBatch = new List<double>(rounds);
        for (var round = 1; round <= rounds; round++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var before = ThreadCpu.Seconds();
            for (var i = 0; i < InvocationsPerRound; i++)
            {
                benchmark.ParseLoadBatch();
            }

            var cpu = (ThreadCpu.Seconds() - before) / (InvocationsPerRound * SegmentParseBenchmarks.Batches);
            var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)(InvocationsPerRound * SegmentParseBenchmarks.Batches);
            perBatch.Add(cpu);
            Console.WriteLine($"round {round}: {cpu * 1e6:F1} us thread CPU, {bytes:F0} B allocated per batch");
        }

        perBatch.Sort();
        Console.WriteLine($"per batch: min {perBatch[0] * 1e6:F1} us, median {perBatch[rounds / 2] * 1e6:F1} us thread CPU; load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }
}
