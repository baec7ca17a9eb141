using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Engine;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.State;

/// <summary>
/// An account's scoring state: its own account-level signals (fed with every member's events) plus
/// the latest score each member reported. The score is the account signals' points plus the sum of
/// the top N members' scores, each decayed from when it was evaluated to the evaluation instant.
/// Members are bounded by the account's seats, not by events.
/// </summary>
public sealed class AccountScoringState
{
    private readonly ScoringState _signals;
    private readonly Dictionary<string, MemberScoreSnapshot> _members;

    internal AccountScoringState(ScoringState signals, IEnumerable<MemberScoreSnapshot> members)
    {
        _signals = signals;
        _members = members.ToDictionary(m => m.UserId, StringComparer.Ordinal);
    }

    public PqlDefinition Definition => _signals.Definition;

    public IReadOnlyCollection<MemberScoreSnapshot> Members => _members.Values;

    /// <summary>Applies a member's event to the account-level signals.</summary>
    public ApplyOutcome Apply(ScoringEvent scoringEvent) => _signals.Apply(scoringEvent);

    /// <summary>Records a member's latest score; older reports than the one held are ignored.</summary>
    public bool ReportMember(string userId, double score, DateTimeOffset evaluatedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (_members.TryGetValue(userId, out var held) && (held.EvaluatedAt > evaluatedAt || (held.EvaluatedAt == evaluatedAt && held.Score == score)))
        {
            return false;
        }

        _members[userId] = new MemberScoreSnapshot(userId, score, evaluatedAt);
        return true;
    }

    public ScoreResult Evaluate(DateTimeOffset at)
    {
        var clock = _signals.Signals.Clock;
        var now = clock.At(at);
        var decayed = _members.Values
            .Select(m => new MemberScore(m.UserId, Decayed(m, clock, now, at)))
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.UserId, StringComparer.Ordinal)
            .Take(Definition.Account.TopUsers)
            .ToList();
        var sum = decayed.Sum(m => m.Score);
        return ScoreBuilder.Build(Definition, _signals.Signals, _signals.Slots, at, (sum, decayed));
    }

    /// <summary>
    /// The same score as <see cref="Evaluate"/> (bit for bit) without the breakdown or the member list: the
    /// account-level signals at <see cref="ScoringState.ScoreAt"/>'s cost plus the top members' decayed scores,
    /// added in the same order.
    /// </summary>
    public double ScoreAt(DateTimeOffset at)
    {
        var clock = _signals.Signals.Clock;
        var now = clock.At(at);
        var count = _members.Count;
        var decayed = count <= 64 ? stackalloc double[count] : new double[count];
        var next = 0;
        foreach (var member in _members.Values)
        {
            decayed[next++] = Decayed(member, clock, now, at);
        }

        // Highest first, as Evaluate sums them (ties are equal values, so which member is taken does not matter).
        decayed.Sort();
        double rollup = 0;
        var top = Math.Min(count, Definition.Account.TopUsers);
        for (var i = 1; i <= top; i++)
        {
            rollup += decayed[count - i];
        }

        return ScoreArithmetic.Total(Definition, _signals.SignalPointsAt(at), _signals.Signals.Categories, rollup);
    }

    public AccountSnapshot ToSnapshot() =>
        new(_signals.ToSnapshot(), _members.Values.OrderBy(m => m.UserId, StringComparer.Ordinal).ToList());

    /// <summary>A member's score decayed to <paramref name="at"/>; one expression so both score paths stay bit-identical.</summary>
    private static double Decayed(MemberScoreSnapshot member, DecayClock clock, in TimePoint now, DateTimeOffset at) =>
        ScoreBuilder.Round(member.Score * (member.EvaluatedAt >= at ? 1.0 : clock.Weight(clock.At(member.EvaluatedAt).X, now.X)));
}
