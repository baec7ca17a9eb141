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
internal sealed class UserScoreState : IUserScoreState
{
    private readonly PqlDefinition _definition;
    private ScoringState? _live;
    private byte[]? _packed;

    public UserScoreState(ScoringState state)
    {
        _definition = state.Definition;
        _live = state;
        Crossings = new TierCrossings(state.Definition);
    }

    public string DefinitionVersion => _definition.Version;

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

    public ScoreAndTier ScoreAndTierAt(DateTimeOffset at)
    {
        var score = Live.ScoreAt(at);
        return new ScoreAndTier(score, _definition.TierFor(score)?.Name);
    }

    public byte[] Save() => _packed ?? ScoringSnapshotCodec.Encode(_live!.ToSnapshot());

    public void Compact()
    {
        if (_live is not null)
        {
            _packed = ScoringSnapshotCodec.Encode(_live.ToSnapshot());
            _live = null;
        }
    }

    private ScoringState Live
    {
        get
        {
            if (_live is null)
            {
                _live = _definition.RestoreUserState(ScoringSnapshotCodec.DecodeUser(_packed!));
                _packed = null;
            }

            return _live;
        }
    }
}
