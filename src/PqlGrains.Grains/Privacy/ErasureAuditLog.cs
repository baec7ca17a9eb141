using PqlGrains.Abstractions.Privacy;

namespace PqlGrains.Grains.Privacy;

/// <summary>The erasure audit's saved state: entries, oldest first.</summary>
[GenerateSerializer]
public sealed class ErasureAuditLog
{
    [Id(0)] public List<ErasureAuditEntry> Entries { get; set; } = [];
}
