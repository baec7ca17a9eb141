using PqlGrains.Abstractions.Definitions;

namespace PqlGrains.Grains.Definitions;

[GenerateSerializer]
public sealed class DefinitionRegistryState
{
    /// <summary>In submission order.</summary>
    [Id(0)] public List<StoredDefinition> Versions { get; set; } = [];

    [Id(1)] public string? Active { get; set; }

    [Id(2)] public List<string> Shadows { get; set; } = [];

    [Id(3)] public long Generation { get; set; }

    /// <summary>Oldest first; trimmed from the front.</summary>
    [Id(4)] public List<DefinitionAuditEntry> Audit { get; set; } = [];

    [Id(5)] public long AuditSequence { get; set; }
}
