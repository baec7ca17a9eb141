using PqlGrains.Abstractions.Scores;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;

namespace PqlGrains.Grains.Scoring;

/// <summary>
/// A user's engine state that an idle user keeps as its packed snapshot (a few hundred bytes)
/// instead of the engine's 8 bytes per slot; the next event or read unpacks it under the same
/// definition. The packed bytes are also what the next checkpoint saves, so idling costs no copy.
/// Every applied event also runs the tier-crossing rule the backtest replays with.
/// </summary>
internal sealed class UserScoreState : PackableScoreState<ScoringState>, IUserScoreState
{
    public UserScoreState(ScoringState state)
        : base(state.Definition, state)
    {
        Crossings = new TierCrossings(state.Definition);
    }

    public TierCrossings Crossings { get; }

    // Shadows apply through here and never read crossings: observing them would cost a score per event per shadow.
    public bool Apply(ScoringEvent scoringEvent) => (Live.Apply(scoringEvent) & ApplyOutcome.Duplicate) == 0;

    public ScoredEvent ApplyScored(ScoringEvent scoringEvent)
    {
        var live = Live;
        var outcome = live.Apply(scoringEvent);
        return (outcome & ApplyOutcome.Duplicate) != 0
            ? new ScoredEvent(false, false, null)
            : new ScoredEvent(true, (outcome & ApplyOutcome.RouteImmediately) != 0, Crossings.Observe(live, scoringEvent.Timestamp));
    }

    public ScoreSummary Evaluate(DateTimeOffset at) => ScoreSummaries.From(Live.Evaluate(at));

    public void Compact() => PackLive();

    protected override byte[] Pack(ScoringState live) => ScoringSnapshotCodec.Encode(live.ToSnapshot());

    protected override ScoringState Unpack(byte[] packed) => Definition.RestoreUserState(ScoringSnapshotCodec.DecodeUser(packed));

    protected override double ScoreAt(ScoringState live, DateTimeOffset at) => live.ScoreAt(at);
}
