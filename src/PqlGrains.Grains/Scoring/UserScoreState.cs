using PqlGrains.Abstractions.Scores;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;

namespace PqlGrains.Grains.Scoring;

internal sealed class UserScoreState(ScoringState state) : IScoreState
{
    public string DefinitionVersion => state.Definition.Version;

    public bool Apply(ScoringEvent scoringEvent) => (state.Apply(scoringEvent) & ApplyOutcome.Duplicate) == 0;

    public ScoreSummary Evaluate(DateTimeOffset at) => ScoreSummaries.From(state.Evaluate(at));

    public byte[] Save() => ScoringSnapshotCodec.Encode(state.ToSnapshot());
}
