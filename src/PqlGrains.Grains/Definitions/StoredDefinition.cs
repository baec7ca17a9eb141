namespace PqlGrains.Grains.Definitions;

/// <summary>One definition version as the registry keeps it.</summary>
[GenerateSerializer]
public sealed class StoredDefinition
{
    [Id(0)] public string Version { get; set; } = string.Empty;

    [Id(1)] public string DefinitionId { get; set; } = string.Empty;

    [Id(2)] public string Yaml { get; set; } = string.Empty;

    [Id(3)] public string Sha256 { get; set; } = string.Empty;

    [Id(4)] public DateTimeOffset SubmittedAt { get; set; }

    [Id(5)] public string SubmittedBy { get; set; } = string.Empty;

    /// <summary>Last time it became active.</summary>
    [Id(6)] public DateTimeOffset? ActivatedAt { get; set; }
}
