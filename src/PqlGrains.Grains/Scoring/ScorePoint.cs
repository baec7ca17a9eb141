namespace PqlGrains.Grains.Scoring;

/// <summary>A score as evaluated at a moment (Unix seconds).</summary>
[GenerateSerializer, Immutable]
public readonly record struct ScorePoint([property: Id(0)] long At, [property: Id(1)] double Score);
