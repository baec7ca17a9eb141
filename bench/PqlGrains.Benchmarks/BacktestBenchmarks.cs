using BenchmarkDotNet.Attributes;
using PqlGrains.Calibration.Replay;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Simulation;

namespace PqlGrains.Benchmarks;

/// <summary>
/// Backtest replay speed: a simulated product (2,000 users, 30 days, seed 1) replayed in event-time
/// order through the shipped default definition, single-threaded, recording flags, tier crossings
/// and signals. Reported per event (OperationsPerInvoke = number of events); target >= 1M events/s.
/// </summary>
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    private const int Events = 45_000;
    private IReadOnlyList<PqlGrains.Scoring.Events.ScoringEvent> _events = [];

    [GlobalSetup]
    public void Setup()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pql-bench-" + Guid.NewGuid().ToString("N"));
        SimulationFiles.WriteAsync(new SimulationOptions { Users = 2_000, Accounts = 300, Days = 30, Seed = 1 }, directory).GetAwaiter().GetResult();
        // Exactly Events events, so the per-event figure is honest whatever the simulator produces.
        var history = EventHistory.LoadAsync(Path.Combine(directory, SimulationFiles.EventsFileName)).GetAwaiter().GetResult();
        Directory.Delete(directory, recursive: true);
        if (history.Events.Count < Events)
        {
            throw new InvalidOperationException($"The simulation produced {history.Events.Count} events, fewer than the {Events} the benchmark replays; lower Events.");
        }

        _events = history.Events.Take(Events).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int ReplayUsers() => BacktestReplay.Run(PqlDefinition.Default, _events, SubjectLevel.User).Subjects.Count;

    [Benchmark(OperationsPerInvoke = Events)]
    public int ReplayAccounts() => BacktestReplay.Run(PqlDefinition.Default, _events, SubjectLevel.Account).Subjects.Count;
}
