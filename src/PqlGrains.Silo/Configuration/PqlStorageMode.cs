namespace PqlGrains.Silo.Configuration;

/// <summary>Where the cluster keeps membership, grain state and reminders (<c>Pql:Storage</c>).</summary>
public enum PqlStorageMode
{
    /// <summary>One process, nothing durable: a laptop, a demo, a test.</summary>
    Memory,

    /// <summary>Any number of silos sharing one PostgreSQL database (<c>ConnectionStrings:Pql</c>).</summary>
    Postgres,
}
