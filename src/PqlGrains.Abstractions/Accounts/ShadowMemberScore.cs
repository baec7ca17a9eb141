namespace PqlGrains.Abstractions.Accounts;

/// <summary>A member's score under one shadow definition version, so the account's shadow state rolls up the shadow's own scores.</summary>
[GenerateSerializer, Immutable]
public sealed record ShadowMemberScore(
    [property: Id(0)] string Version,
    [property: Id(1)] double Score);
