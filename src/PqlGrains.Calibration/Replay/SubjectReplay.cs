using PqlGrains.Calibration.Metrics;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;

namespace PqlGrains.Calibration.Replay;

/// <summary>What a replay learned about one subject: bounded by the definition and the days it was active, not by its events.</summary>
public sealed class SubjectReplay
{
    private readonly List<int> _activeDays = [];
    private readonly List<TierCrossing> _crossings = [];
    private readonly Dictionary<string, DateTimeOffset> _signalsFired = new(StringComparer.Ordinal);
    private int _signalsCheckedDay = -1;
    private bool _paying;

    internal SubjectReplay(string id)
    {
        Id = id;
    }

    /// <summary>The score after the subject's previous changed event (cheap path).</summary>
    internal double LastScore { get; set; } = double.NegativeInfinity;

    /// <summary>
    /// Whether a change to <paramref name="score"/> at <paramref name="at"/> needs the full evaluation:
    /// a new high (flags and tiers must check suppression and the band, so they are exact) or, until
    /// every signal has fired once, the first rise of the day over the previous event's score (some
    /// signal earned points). A signal's first firing is therefore known to the day of a rise: one
    /// that first earns points later on a day already checked, or on a day decay pulled the score
    /// below the previous event's, is recorded at its next checked rise.
    /// </summary>
    /// <remarks>A paying subject is suppressed until a traits call (identify/group) changes its plan, so
    /// only those calls re-evaluate it.</remarks>
    internal bool NeedsEvaluation(double score, DateTimeOffset at, int signalCount, bool traitsCall) =>
        _paying ? traitsCall : score > Trajectory.Highest
        || (_signalsFired.Count < signalCount && score > LastScore && DayOf(at) != _signalsCheckedDay);

    public string Id { get; }

    /// <summary>The running maximum of the unsuppressed score.</summary>
    public ScoreTrajectory Trajectory { get; } = new();

    /// <summary>Each time the subject reached a higher tier than before.</summary>
    public IReadOnlyList<TierCrossing> Crossings => _crossings;

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

    internal void Record(ScoreResult result, IReadOnlyList<string> tierNames)
    {
        _paying = result.Suppression == SuppressionReason.AlreadyPaying;
        if (result.Suppression != SuppressionReason.None)
        {
            return;
        }

        Trajectory.Observe(result.EvaluatedAt, result.Score);
        if (result.Tier is { } tier)
        {
            var rank = IndexOf(tierNames, tier.Name);
            if (_crossings.Count == 0 || rank > _crossings[^1].Rank)
            {
                _crossings.Add(new TierCrossing(Id, tier.Name, rank, result.EvaluatedAt));
            }
        }

        _signalsCheckedDay = DayOf(result.EvaluatedAt);
        foreach (var signal in result.Signals)
        {
            if (signal.Points > 0)
            {
                _signalsFired.TryAdd(signal.SignalId, result.EvaluatedAt);
            }
        }
    }

    private static int DayOf(DateTimeOffset at) => (int)(at.UtcTicks / TimeSpan.TicksPerDay);

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
