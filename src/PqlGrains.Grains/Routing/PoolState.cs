namespace PqlGrains.Grains.Routing;

[GenerateSerializer]
public sealed class PoolState
{
    /// <summary>Round-robin position: the member index to try first.</summary>
    [Id(0)] public int Cursor { get; set; }

    /// <summary>Open leads per rep in this pool; a set, so repeated assign/release calls stay idempotent.</summary>
    [Id(1)] public Dictionary<string, HashSet<string>> OpenLeads { get; set; } = new(StringComparer.Ordinal);
}
