namespace PqlGrains.Abstractions.Definitions;

/// <summary>Distinct subjects whose highest tier reached is <see cref="Tier"/>, under the shadow and under the active definition.</summary>
[GenerateSerializer, Immutable]
public sealed record ShadowTierCount(
    [property: Id(0)] string Tier,
    [property: Id(1)] int Shadow,
    [property: Id(2)] int Active);
