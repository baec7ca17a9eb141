using PqlGrains.Abstractions.Scores;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Scoring;

/// <summary>One subject's bounded, decayed signal state under one definition version. Not thread-safe.</summary>
public interface IScoreState
{
    /// <summary>Applies an event at its own timestamp; false when its messageId was already applied.</summary>
    bool Apply(ScoringEvent scoringEvent);

    ScoreSummary Evaluate(DateTimeOffset at);

    byte[] Save();
}
