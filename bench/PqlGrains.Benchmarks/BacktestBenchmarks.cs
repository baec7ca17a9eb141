using BenchmarkDotNet.Attributes;
using PqlGrains.Calibration.Replay;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Simulation;

namespace PqlGrains.Benchmarks;

/// <summary>
/// Backtest speed on a simulated product (2,000 users, 30 days, seed 1), the first 45,000 events, single-threaded,
/// reported per event (OperationsPerInvoke = number of events); target >= 1M events/s. "Replay" is the engine
/// replay of already parsed events in event-time order through the shipped default definition, recording flags,
/// tier crossings and signals; reading the Segment NDJSON file into events is measured apart (<see cref="ParseNdjson"/>).
/// </summary>
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    private const int Events = 45_000;
    private string _directory = "";
    private string _file = "";
    private IReadOnlyList<PqlGrains.Scoring.Events.ScoringEvent> _events = [];

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "pql-bench-" + Guid.NewGuid().ToString("N"));
        SimulationFiles.WriteAsync(new SimulationOptions { Users = 2_000, Accounts = 300, Days = 30, Seed = 1 }, _directory).GetAwaiter().GetResult();

        // Exactly Events events (one message per line), so the per-event figures are honest whatever the simulator produces.
        var lines = File.ReadLines(Path.Combine(_directory, SimulationFiles.EventsFileName)).Take(Events).ToList();
        if (lines.Count < Events)
        {
            throw new InvalidOperationException($"The simulation produced {lines.Count} events, fewer than the {Events} the benchmark replays; lower Events.");
        }

        _file = Path.Combine(_directory, "first-events.ndjson");
        File.WriteAllLines(_file, lines);
        _events = EventHistory.LoadAsync(_file).GetAwaiter().GetResult().Events;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(OperationsPerInvoke = Events)]
    public int ReplayUsers() => BacktestReplay.Run(PqlDefinition.Default, _events, SubjectLevel.User).Subjects.Count;

    [Benchmark(OperationsPerInvoke = Events)]
    public int ReplayAccounts() => BacktestReplay.Run(PqlDefinition.Default, _events, SubjectLevel.Account).Subjects.Count;

    /// <summary>Reading and ordering the NDJSON file: what `pql backtest` does before the replay.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<int> ParseNdjson() => (await EventHistory.LoadAsync(_file)).Events.Count;
}
