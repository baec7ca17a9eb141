namespace PqlGrains.Silo.Configuration;

/// <summary>Schema handling in Postgres mode (<c>Pql:Database</c>).</summary>
public sealed class PqlDatabaseOptions
{
    /// <summary>
    /// Apply missing schema migrations at start (concurrency-safe across silos). When false the
    /// silo only checks the schema version and refuses to start unless it matches.
    /// </summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>
    /// Which provider writes grain state; both read and write the same <c>OrleansStorage</c> rows. <see cref="PqlGrainStorageKind.AdoNet"/>
    /// is the fallback if the batched storage ever misbehaves, at one commit per save.
    /// </summary>
    public PqlGrainStorageKind GrainStorage { get; set; } = PqlGrainStorageKind.Batched;
}
