namespace PqlGrains.Abstractions;

/// <summary>Names of the grain storage providers the host registers, for <c>[PersistentState(name, storageName)]</c>.</summary>
public static class PqlStorageNames
{
    /// <summary>Durable grain state: PostgreSQL in production, memory in embedded mode.</summary>
    public const string Grains = "pql";
}
