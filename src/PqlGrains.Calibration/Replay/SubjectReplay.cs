using PqlGrains.Calibration.Metrics;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.State;

namespace PqlGrains.Calibration.Replay;

/// <summary>What a replay learned about one subject: bounded by the definition and the days it was active, not by its events.</summary>
public sealed class SubjectReplay
{
    private readonly List<int> _activeDays = [];
    private readonly List<TierCrossing> _crossings = [];
    private readonly Dictionary<string, DateTimeOffset> _signalsFired = new(StringComparer.Ordinal);
    private readonly TierCrossings _tiers;
    private readonly Func<DateTimeOffset, ScoreResult>? _evaluate;
    private ulong _firedMask;

    internal SubjectReplay(string id, PqlDefinition definition, Func<DateTimeOffset, ScoreResult>? evaluate)
    {
        Id = id;
        _tiers = new TierCrossings(definition);
        _evaluate = evaluate;
    }

    public string Id { get; }

    /// <summary>The running maximum of the unsuppressed score.</summary>
    public ScoreTrajectory Trajectory { get; } = new();

    /// <summary>
    /// Each upward tier crossing, by the rule the live user grain uses (<see cref="TierCrossings"/>): the event that
    /// lifted the subject above its tier after the previous event, at that event's timestamp.
    /// </summary>
    public IReadOnlyList<TierCrossing> Crossings => _crossings;

    /// <summary>The tier after the subject's last event and the latest upward crossing into each tier, as the cluster reports them.</summary>
    public TierCrossings Tiers => _tiers;

    /// <summary>
    /// The subject's full evaluation after all its replayed events, at an instant at or after the last of them; only when
    /// the replay kept the states (<see cref="BacktestReplay.Run"/>'s <c>keepStates</c>).
    /// </summary>
    public ScoreResult EvaluateAt(DateTimeOffset at) =>
        _evaluate is { } evaluate
            ? evaluate(at)
            : throw new InvalidOperationException(
                $"The replay did not keep the scoring state of '{Id}' to evaluate it afterwards; run BacktestReplay.Run with keepStates: true.");

    /// <summary>Each signal that ever held points, with the first time it did.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> SignalsFired => _signalsFired;

    /// <summary>True when the subject had product activity (track/page/screen) in the window.</summary>
    public bool WasActive(BacktestWindow window)
    {
        var from = DayOf(window.From);
        var to = DayOf(window.To);
        var index = _activeDays.BinarySearch(from);
        index = index < 0 ? ~index : index;
        return index < _activeDays.Count && _activeDays[index] <= to;
    }

    internal void MarkActive(DateTimeOffset at)
    {
        var day = DayOf(at);
        if (_activeDays.Count == 0 || _activeDays[^1] < day)
        {
            _activeDays.Add(day);
        }
    }

    /// <summary>
    /// After one of the user's events (not a duplicate) was applied at <paramref name="at"/>: the tier-crossing rule,
    /// the running maximum and, after a change, the signals that hold points for the first time, all from the
    /// engine's cached per-signal points (no full evaluation, no allocation).
    /// </summary>
    internal void ObserveUser(ScoringState state, DateTimeOffset at, bool changed)
    {
        var rise = _tiers.Observe(state, at, out var score);
        Record(rise, score, at);
        if (!changed || score is null || _signalsFired.Count == state.Definition.Signals.Count)
        {
            return;
        }

        var points = state.SignalPointsAt(at);
        for (var i = 0; i < points.Length; i++)
        {
            var known = i < 64 && (_firedMask & (1UL << i)) != 0;
            if (!known && points[i] > 0)
            {
                _signalsFired.TryAdd(state.Definition.Signals[i].Id, at);
                _firedMask |= i < 64 ? 1UL << i : 0;
            }
        }
    }

    /// <summary>After an account's state changed, with its full evaluation at the event's time.</summary>
    internal void ObserveAccount(ScoreResult result)
    {
        var unsuppressed = result.Suppression == SuppressionReason.None;
        Record(_tiers.Observe(result.Score, result.Suppression, result.EvaluatedAt), unsuppressed ? result.Score : null, result.EvaluatedAt);
        if (unsuppressed)
        {
            RecordSignals(result);
        }
    }

    /// <summary>What the tier-crossing rule saw at an applied event: its upward crossing, if any, and the score unless suppressed.</summary>
    private void Record(TierRise? rise, double? unsuppressedScore, DateTimeOffset at)
    {
        if (rise is { } crossing)
        {
            _crossings.Add(new TierCrossing(Id, crossing.To.Name, crossing.ToRank, crossing.At));
        }

        if (unsuppressedScore is { } score)
        {
            Trajectory.Observe(at, score);
        }
    }

    private void RecordSignals(ScoreResult result)
    {
        foreach (var signal in result.Signals)
        {
            if (signal.Points > 0)
            {
                _signalsFired.TryAdd(signal.SignalId, result.EvaluatedAt);
            }
        }
    }

    private static int DayOf(DateTimeOffset at) => (int)(at.UtcTicks / TimeSpan.TicksPerDay);
}
