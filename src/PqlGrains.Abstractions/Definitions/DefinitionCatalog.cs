namespace PqlGrains.Abstractions.Definitions;

/// <summary>Every stored version, newest submission first, with the active one and the shadows.</summary>
/// <param name="Generation">Bumped on every activation or shadow change; silos compare it to refresh.</param>
[GenerateSerializer, Immutable]
public sealed record DefinitionCatalog(
    [property: Id(0)] long Generation,
    [property: Id(1)] string ActiveVersion,
    [property: Id(2)] string[] ShadowVersions,
    [property: Id(3)] DefinitionVersionInfo[] Versions);
