namespace PqlGrains.Grains.Scoring;

/// <summary>A score and the tier it falls in (suppression not applied), as <see cref="IScoreState.Evaluate"/> reports them, without the breakdown.</summary>
public readonly record struct ScoreAndTier(double Score, string? Tier);
