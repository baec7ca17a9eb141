namespace PqlGrains.Abstractions.Definitions;

/// <summary>A stored definition version with its YAML, exactly as submitted.</summary>
[GenerateSerializer, Immutable]
public sealed record DefinitionDocument(
    [property: Id(0)] DefinitionVersionInfo Info,
    [property: Id(1)] string Yaml);
