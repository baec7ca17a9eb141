using PqlGrains.Abstractions.Scores;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;

namespace PqlGrains.Grains.Scoring;

/// <summary>
/// An account's engine state that a settled account keeps as the packed snapshot it just saved, as idle users do: the
/// live state (signal slots and a score per member) costs its members ~190 bytes each while the account waits for the
/// next report; the next event, report or read unpacks it under the same definition (one decode per settle window).
/// </summary>
internal sealed class AccountScoreState : IAccountScoreState
{
    private readonly PqlDefinition _definition;
    private AccountScoringState? _live;
    private byte[]? _packed;

    public AccountScoreState(AccountScoringState state)
    {
        _definition = state.Definition;
        _live = state;
    }

    public string DefinitionVersion => _definition.Version;

    public bool Apply(ScoringEvent scoringEvent) => (Live.Apply(scoringEvent) & ApplyOutcome.Duplicate) == 0;

    public void ReportMember(string userId, double score, DateTimeOffset evaluatedAt) => Live.ReportMember(userId, score, evaluatedAt);

    // The engine keeps members by id; a departed member counts zero from the moment it left.
    public void RemoveMember(string userId, DateTimeOffset at) => Live.ReportMember(userId, 0, at);

    public ScoreSummary Evaluate(DateTimeOffset at) => ScoreSummaries.From(Live.Evaluate(at));

    public ScoreAndTier ScoreAndTierAt(DateTimeOffset at)
    {
        var score = Live.ScoreAt(at);
        return new ScoreAndTier(score, _definition.TierFor(score)?.Name);
    }

    public byte[] Save() => _packed ?? ScoringSnapshotCodec.Encode(_live!.ToSnapshot());

    /// <summary>
    /// Keeps <paramref name="saved"/>, what <see cref="Save"/> returned, instead of the live state: the caller saved it
    /// and nothing changed the state since (the account's settle turn does not interleave), so packing costs no encode.
    /// </summary>
    public void CompactAs(byte[] saved)
    {
        _packed = saved;
        _live = null;
    }

    private AccountScoringState Live => _live ??= Unpack();

    private AccountScoringState Unpack()
    {
        var live = _definition.RestoreAccountState(ScoringSnapshotCodec.DecodeAccount(_packed!));
        _packed = null;
        return live;
    }
}
