namespace PqlGrains.Grains.Routing;

[GenerateSerializer]
public sealed class RepWorkloadState
{
    /// <summary>Open leads the rep holds, from any pool; a set, so repeated reserve/release calls stay idempotent.</summary>
    [Id(0)] public HashSet<string> OpenLeads { get; set; } = new(StringComparer.Ordinal);
}
