using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Scoring;

/// <summary>A user's state: every applied event also runs the tier-crossing rule the backtest replays with.</summary>
public interface IUserScoreState : IScoreState
{
    /// <summary>
    /// Applies an event at its own timestamp, then <see cref="TierCrossings"/>' rule at that timestamp; what
    /// <see cref="IScoreState.Apply"/> does, with what the event did to the tier.
    /// </summary>
    ScoredEvent ApplyScored(ScoringEvent scoringEvent);

    /// <summary>The tier after the last applied event and the latest upward crossing into each tier (event times).</summary>
    TierCrossings Crossings { get; }

    /// <summary>Trades speed for memory while the user is idle: the next call restores the state as it was.</summary>
    void Compact();
}
