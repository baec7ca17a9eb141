using PqlGrains.Abstractions.Scores;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Scoring;

/// <summary>One subject's bounded, decayed signal state under one definition version. Not thread-safe.</summary>
public interface IScoreState
{
    /// <summary>The definition version this state was built under; compare it with <see cref="IScoringModel.DefinitionVersion"/>.</summary>
    string DefinitionVersion { get; }

    /// <summary>Applies an event at its own timestamp; false when its messageId was already applied.</summary>
    bool Apply(ScoringEvent scoringEvent);

    ScoreSummary Evaluate(DateTimeOffset at);

    byte[] Save();

    /// <summary>Trades speed for memory while the subject is idle: the next call restores the state as it was.</summary>
    void Compact()
    {
    }
}
