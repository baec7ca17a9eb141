namespace PqlGrains.Abstractions.Definitions;

/// <summary>A stored definition version without its YAML.</summary>
/// <param name="Sha256">Hex digest of the YAML text: equal digests mean byte-identical files.</param>
[GenerateSerializer, Immutable]
public sealed record DefinitionVersionInfo(
    [property: Id(0)] string Version,
    [property: Id(1)] string DefinitionId,
    [property: Id(2)] DateTimeOffset SubmittedAt,
    [property: Id(3)] string SubmittedBy,
    [property: Id(4)] string Sha256,
    [property: Id(5)] bool Active,
    [property: Id(6)] bool Shadow,
    [property: Id(7)] DateTimeOffset? ActivatedAt);
