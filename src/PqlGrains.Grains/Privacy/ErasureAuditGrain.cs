using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Privacy;

namespace PqlGrains.Grains.Privacy;

/// <summary>Keeps the newest erasures durably; each is saved before the erasure request answers.</summary>
internal sealed class ErasureAuditGrain(
    [PersistentState("erasure-audit", PqlStorageNames.Grains)] IPersistentState<ErasureAuditLog> audit) : Grain, IErasureAuditGrain
{
    /// <summary>Erasures are rare; this covers years of requests while the state stays small.</summary>
    public const int Capacity = 10_000;

    public async Task Record(ErasureAuditEntry entry)
    {
        var entries = audit.State.Entries;
        entries.Add(entry);
        if (entries.Count > Capacity)
        {
            entries.RemoveRange(0, entries.Count - Capacity);
        }

        await audit.WriteStateAsync();
    }

    public Task<ErasureAuditEntry[]> Latest(int limit)
    {
        var entries = audit.State.Entries;
        var count = Math.Clamp(limit, 0, entries.Count);
        return Task.FromResult(Enumerable.Range(1, count).Select(back => entries[^back]).ToArray());
    }
}
