using PqlGrains.Abstractions.Scores;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;

namespace PqlGrains.Grains.Scoring;

internal sealed class UserScoreState(ScoringState state) : IUserScoreState
{
    public string DefinitionVersion => state.Definition.Version;

    public TierCrossings Crossings { get; } = new(state.Definition);

    public bool Apply(ScoringEvent scoringEvent) => ApplyScored(scoringEvent).IsNew;

    public ScoredEvent ApplyScored(ScoringEvent scoringEvent)
    {
        var outcome = state.Apply(scoringEvent);
        return (outcome & ApplyOutcome.Duplicate) != 0
            ? new ScoredEvent(false, false, null)
            : new ScoredEvent(true, (outcome & ApplyOutcome.RouteImmediately) != 0, Crossings.Observe(state, scoringEvent.Timestamp));
    }

    public ScoreSummary Evaluate(DateTimeOffset at) => ScoreSummaries.From(state.Evaluate(at));

    public byte[] Save() => ScoringSnapshotCodec.Encode(state.ToSnapshot());
}
