using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.State;

namespace PqlGrains.Scoring.Evaluation;

/// <summary>
/// The one rule for when a subject crosses into a tier, shared by the backtest replay and the live user grain so
/// both stamp the same instants: after each applied event, the subject's tier at that event's own timestamp (no
/// tier while suppressed, i.e. paying or stale); a tier above the one after the previous applied event is an
/// upward crossing, stamped with the event's timestamp, never with the time it was noticed. Decay between
/// events shows at the next event. Bounded: the tier after the last event and, per tier, the latest upward
/// crossing into it (or past it). Not thread-safe; one subject owns one.
/// </summary>
public sealed class TierCrossings
{
    private readonly PqlDefinition _definition;
    private readonly IReadOnlyList<Tier> _tiers;
    private readonly long[] _crossedAtTicks;

    public TierCrossings(PqlDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
        _tiers = definition.Tiers;
        _crossedAtTicks = new long[_tiers.Count];
    }

    /// <summary>The definition's tiers, lowest first: what <see cref="Rank"/> and <see cref="TierRise.ToRank"/> index (<see cref="TierRanks.RankOf"/>).</summary>
    public IReadOnlyList<Tier> Tiers => _tiers;

    /// <summary>The rank (lowest tier 0) after the last applied event, -1 below every tier.</summary>
    public int Rank { get; private set; } = -1;

    /// <summary>The tier after the last applied event, at that event's time.</summary>
    public Tier? Tier => Rank < 0 ? null : _tiers[Rank];

    /// <summary>
    /// Applies the rule right after an event was applied to <paramref name="state"/> (duplicates excluded); returns
    /// the upward crossing that event made, if any.
    /// </summary>
    public TierRise? Observe(ScoringState state, DateTimeOffset eventTime) => Observe(state, eventTime, out _);

    /// <summary>
    /// <see cref="Observe(ScoringState, DateTimeOffset)"/>, also handing back the score the rule read: the state's score at
    /// the event's time, null while suppressed.
    /// </summary>
    public TierRise? Observe(ScoringState state, DateTimeOffset eventTime, out double? unsuppressedScore)
    {
        ArgumentNullException.ThrowIfNull(state);
        var suppression = state.SuppressionAt(eventTime);
        unsuppressedScore = suppression == SuppressionReason.None ? state.ScoreAt(eventTime) : null;
        return Observe(unsuppressedScore ?? 0, suppression, eventTime);
    }

    /// <summary>The same rule for a score and suppression evaluated at the applied event's time (accounts, whose score includes members).</summary>
    public TierRise? Observe(double score, SuppressionReason suppression, DateTimeOffset eventTime)
    {
        var rank = suppression == SuppressionReason.None ? _definition.TierRankFor(score) : -1;
        var previous = Rank;
        Rank = rank;
        if (rank <= previous)
        {
            return null;
        }

        for (var crossed = previous + 1; crossed <= rank; crossed++)
        {
            _crossedAtTicks[crossed] = eventTime.UtcTicks;
        }

        return new TierRise(previous < 0 ? null : _tiers[previous], _tiers[rank], rank, eventTime);
    }

    /// <summary>The latest upward crossing into (or past) the tier, null if it never happened.</summary>
    public DateTimeOffset? CrossedAt(string tierName)
    {
        var rank = _tiers.RankOf(tierName);
        return rank < 0 || _crossedAtTicks[rank] == 0 ? null : new DateTimeOffset(_crossedAtTicks[rank], TimeSpan.Zero);
    }

    /// <summary>Every tier ever crossed into, with its latest upward crossing (for reads and persistence).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> CrossedAtByTier()
    {
        var crossed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var rank = 0; rank < _tiers.Count; rank++)
        {
            if (_crossedAtTicks[rank] != 0)
            {
                crossed[_tiers[rank].Name] = new DateTimeOffset(_crossedAtTicks[rank], TimeSpan.Zero);
            }
        }

        return crossed;
    }

    /// <summary>
    /// Continues from a saved <see cref="Tier"/> and <see cref="CrossedAtByTier"/> taken under the same definition
    /// version; tier names the definition does not have are dropped.
    /// </summary>
    public void Restore(string? tierName, IReadOnlyDictionary<string, DateTimeOffset>? crossedAt)
    {
        Rank = tierName is null ? -1 : _tiers.RankOf(tierName);
        Array.Clear(_crossedAtTicks);
        foreach (var (name, at) in crossedAt ?? new Dictionary<string, DateTimeOffset>())
        {
            if (_tiers.RankOf(name) is var rank and >= 0)
            {
                _crossedAtTicks[rank] = at.UtcTicks;
            }
        }
    }
}
