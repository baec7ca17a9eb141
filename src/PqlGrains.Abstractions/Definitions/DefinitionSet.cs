namespace PqlGrains.Abstractions.Definitions;

/// <summary>What every silo scores with: the active definition and the shadows evaluated beside it.</summary>
/// <param name="Generation">The registry generation this set belongs to.</param>
[GenerateSerializer, Immutable]
public sealed record DefinitionSet(
    [property: Id(0)] long Generation,
    [property: Id(1)] DefinitionText Active,
    [property: Id(2)] DefinitionText[] Shadows);
