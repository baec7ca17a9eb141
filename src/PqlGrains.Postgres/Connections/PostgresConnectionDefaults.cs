using System.Data.Common;
using Npgsql;

namespace PqlGrains.Postgres.Connections;

/// <summary>
/// Npgsql settings the silo's connections get unless the operator's connection string sets them.
/// Orleans' ADO.NET providers open a pooled connection for every grain state write, reminder and
/// membership call, so per-use costs add up under ingest load.
/// </summary>
public static class PostgresConnectionDefaults
{
    /// <summary>
    /// Statements a connection prepares once it has run them a few times: grain storage, reminder
    /// and event log reads repeat the same handful of statements, which then skip the parse and plan.
    /// </summary>
    public const int MaxAutoPrepare = 32;

    /// <summary>
    /// <paramref name="connectionString"/> with <c>No Reset On Close=true</c> (no statement of the
    /// silo sets session state, so the <c>DISCARD ALL</c> Npgsql sends when a pooled connection is
    /// reused is pure cost: one more statement per grain state write) and
    /// <c>Max Auto Prepare</c> <see cref="MaxAutoPrepare"/>, each only where the string does not set it.
    /// </summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Contains("noresetonclose"))
        {
            tuned.NoResetOnClose = true;
        }

        if (!keys.Contains("maxautoprepare"))
        {
            tuned.MaxAutoPrepare = MaxAutoPrepare;
        }

        return tuned.ConnectionString;
    }

    private static string Normalize(string key) => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
