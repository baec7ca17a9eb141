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
internal sealed class AccountScoreState : PackableScoreState<AccountScoringState>, IAccountScoreState
{
    public AccountScoreState(AccountScoringState state)
        : base(state.Definition, state)
    {
    }

    public bool Apply(ScoringEvent scoringEvent) => (Live.Apply(scoringEvent) & ApplyOutcome.Duplicate) == 0;

    public void ReportMember(string userId, double score, DateTimeOffset evaluatedAt) => Live.ReportMember(userId, score, evaluatedAt);

    // The engine keeps members by id; a departed member counts zero from the moment it left.
    public void RemoveMember(string userId, DateTimeOffset at) => Live.ReportMember(userId, 0, at);

    public ScoreSummary Evaluate(DateTimeOffset at) => ScoreSummaries.From(Live.Evaluate(at));

    /// <summary>
    /// Keeps <paramref name="saved"/>, what <see cref="PackableScoreState{TLive}.Save"/> returned, instead of the live state: the caller saved it
    /// and nothing changed the state since (the account's settle turn does not interleave), so packing costs no encode.
    /// </summary>
    public void CompactAs(byte[] saved) => KeepPacked(saved);

    protected override byte[] Pack(AccountScoringState live) => ScoringSnapshotCodec.Encode(live.ToSnapshot());

    protected override AccountScoringState Unpack(byte[] packed) => Definition.RestoreAccountState(ScoringSnapshotCodec.DecodeAccount(packed));

    protected override double ScoreAt(AccountScoringState live, DateTimeOffset at) => live.ScoreAt(at);
}
