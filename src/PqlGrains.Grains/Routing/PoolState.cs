namespace PqlGrains.Grains.Routing;

[GenerateSerializer]
public sealed class PoolState
{
    /// <summary>Round-robin position: the member index to try first.</summary>
    [Id(0)] public int Cursor { get; set; }

    /// <summary>Open leads this pool assigned, per rep; the reps' ledgers count them with their other pools' leads.</summary>
    [Id(1)] public Dictionary<string, HashSet<string>> OpenLeads { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The leads above are counted in the reps' <see cref="PqlGrains.Abstractions.Leads.IRepWorkloadGrain"/> ledgers (false for pools saved before them).</summary>
    [Id(2)] public bool LedgerSynced { get; set; }

    /// <summary>A copy to store while overlapping assignments keep changing the live state.</summary>
    public PoolState Copy() => new()
    {
        Cursor = Cursor,
        OpenLeads = OpenLeads.ToDictionary(pair => pair.Key, pair => new HashSet<string>(pair.Value, StringComparer.Ordinal), StringComparer.Ordinal),
        LedgerSynced = LedgerSynced,
    };
}
