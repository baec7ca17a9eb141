namespace PqlGrains.Silo.Configuration;

/// <summary>How a PostgreSQL-mode silo writes grain state to <c>OrleansStorage</c> (<c>Pql:Database:GrainStorage</c>).</summary>
public enum PqlGrainStorageKind
{
    /// <summary>
    /// PqlGrains' group-committed storage: saves queued while a batch is out go together in one statement and one commit.
    /// </summary>
    Batched,

    /// <summary>
    /// Orleans' ADO.NET provider (Microsoft.Orleans.Persistence.AdoNet): one statement and one commit per save. Same
    /// rows, so a cluster can switch either way between restarts.
    /// </summary>
    AdoNet,
}
