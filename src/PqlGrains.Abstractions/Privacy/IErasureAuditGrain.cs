namespace PqlGrains.Abstractions.Privacy;

/// <summary>The durable record of erasures (key: 0), newest kept, bounded.</summary>
public interface IErasureAuditGrain : IGrainWithIntegerKey
{
    Task Record(ErasureAuditEntry entry);

    /// <summary>Up to <paramref name="limit"/> entries, newest first.</summary>
    Task<ErasureAuditEntry[]> Latest(int limit);
}
