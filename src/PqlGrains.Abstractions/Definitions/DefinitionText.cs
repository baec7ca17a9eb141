namespace PqlGrains.Abstractions.Definitions;

/// <summary>A version and its YAML, as silos compile it.</summary>
[GenerateSerializer, Immutable]
public sealed record DefinitionText(
    [property: Id(0)] string Version,
    [property: Id(1)] string Yaml);
