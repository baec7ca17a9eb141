using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Evaluation;

/// <summary>A category's decayed points, its weight, and what it adds to the score.</summary>
public sealed record CategoryScore(SignalCategory Category, double Points, double Weight, double WeightedPoints);
