using BenchmarkDotNet.Attributes;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;

namespace PqlGrains.Benchmarks;

/// <summary>
/// Cost of applying one product event to one user's scoring state under the shipped default
/// definition (target: at most 1 us and zero allocations per event), and of evaluating a score.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private const int EventCount = 4096;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private ScoringEvent[] _matching = [];
    private ScoringEvent[] _unmatched = [];
    private ScoringState _state = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string[] names = ["user.billing_page_viewed", "team.member_invited", "feature.activated", "api_key.created", "usage.reported", "session.started", "report.exported", "integration.connected"];
        _matching = Enumerable.Range(0, EventCount).Select(i => Event(i, names[i % names.Length], random)).ToArray();
        _unmatched = Enumerable.Range(0, EventCount).Select(i => Event(i, "dashboard.viewed", random)).ToArray();
        _state = PqlDefinition.Default.CreateUserState();
        foreach (var e in _matching)
        {
            _state.Apply(e);
        }
    }

    /// <summary>A signal-bearing event (mix of all default signals), not a duplicate.</summary>
    [Benchmark(OperationsPerInvoke = EventCount)]
    public int ApplyScoringEvent()
    {
        var changed = 0;
        foreach (var e in _matching)
        {
            changed += (int)_state.Apply(e);
        }

        return changed;
    }

    /// <summary>An event no signal matches (most product traffic).</summary>
    [Benchmark(OperationsPerInvoke = EventCount)]
    public int ApplyUnmatchedEvent()
    {
        var changed = 0;
        foreach (var e in _unmatched)
        {
            changed += (int)_state.Apply(e);
        }

        return changed;
    }

    /// <summary>The score alone, as a grain checks tiers after a change.</summary>
    [Benchmark]
    public double ScoreAt() => _state.ScoreAt(Start.AddDays(31));

    /// <summary>A full evaluation with breakdown and explanations (done on a score change, not per event).</summary>
    [Benchmark]
    public double EvaluateWithExplanations() => _state.Evaluate(Start.AddDays(31)).Score;

    private static ScoringEvent Event(int i, string name, Random random) => new(
        $"msg-{name}-{i}",
        "user-1",
        EventType.Track,
        name,
        Start.AddMinutes(random.Next(0, 30 * 24 * 60)),
        new EventProperties(
        [
            KeyValuePair.Create("feature", PropertyValue.From("feature-" + (i % 12))),
            KeyValuePair.Create("ratio", PropertyValue.From(random.NextDouble())),
            KeyValuePair.Create("paid", PropertyValue.From(i % 2 == 0)),
        ]));
}
