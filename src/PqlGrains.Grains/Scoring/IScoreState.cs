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

    /// <summary>
    /// <see cref="Evaluate"/>'s score and tier, bit for bit, without building the breakdown and explanations (nor an
    /// account's member list): what a settle needs unless the tier changed.
    /// </summary>
    ScoreAndTier ScoreAndTierAt(DateTimeOffset at);

    byte[] Save();
}
