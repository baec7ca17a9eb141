using PqlGrains.Abstractions.Scores;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;

namespace PqlGrains.Grains.Scoring;

internal sealed class AccountScoreState(AccountScoringState state) : IAccountScoreState
{
    public string DefinitionVersion => state.Definition.Version;

    public bool Apply(ScoringEvent scoringEvent) => (state.Apply(scoringEvent) & ApplyOutcome.Duplicate) == 0;

    public void ReportMember(string userId, double score, DateTimeOffset evaluatedAt) => state.ReportMember(userId, score, evaluatedAt);

    // The engine keeps members by id; a departed member counts zero from the moment it left.
    public void RemoveMember(string userId, DateTimeOffset at) => state.ReportMember(userId, 0, at);

    public ScoreSummary Evaluate(DateTimeOffset at) => ScoreSummaries.From(state.Evaluate(at));

    public ScoreAndTier ScoreAndTierAt(DateTimeOffset at)
    {
        var score = state.ScoreAt(at);
        return new ScoreAndTier(score, state.Definition.TierFor(score)?.Name);
    }

    public byte[] Save() => ScoringSnapshotCodec.Encode(state.ToSnapshot());
}
