using PqlGrains.Abstractions.Scores;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Users;

/// <summary>One user's bounded scoring state under one definition version.</summary>
public interface IUserScoreState
{
    /// <summary>Applies an event at its own timestamp; false when its messageId was already applied.</summary>
    bool Apply(ScoringEvent scoringEvent);

    ScoreSummary Evaluate(DateTimeOffset at);

    byte[] Save();
}
