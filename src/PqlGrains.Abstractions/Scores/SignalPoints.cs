namespace PqlGrains.Abstractions.Scores;

/// <summary>Decayed points one signal contributes to a score.</summary>
[GenerateSerializer, Immutable]
public sealed record SignalPoints(
    [property: Id(0)] string Signal,
    [property: Id(1)] string Category,
    [property: Id(2)] double Points);
