using Npgsql;

namespace PqlGrains.Postgres.Schema;

/// <summary>
/// The PqlGrains database schema: Orleans' ADO.NET tables and queries plus PqlGrains' own
/// tables, applied as numbered migrations and recorded in <c>pql_schema_version</c>.
/// </summary>
public static class PqlSchema
{
    // Any fixed 64-bit number works; every migrator of every silo must agree on it so that N silos
    // starting at once against an empty database apply each step exactly once.
    private const long MigrationLockKey = 0x50_51_4C_5F_53_43_48_4D; // "PQL_SCHM"

    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS pql_schema_version
        (
            version    integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    /// <summary>The migrations this binary ships, in order.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations => SchemaMigrationCatalog.All;

    /// <summary>The schema version this binary expects.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Applies every migration the database lacks. Safe to call concurrently from many processes.</summary>
    /// <exception cref="SchemaVersionException">The database is at a newer version than this binary knows.</exception>
    public static async Task<SchemaMigrationResult> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await MigrateAsync(dataSource, cancellationToken);
    }

    /// <inheritdoc cref="MigrateAsync(string, CancellationToken)"/>
    public static Task<SchemaMigrationResult> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        MigrateAsync(dataSource, LatestVersion, cancellationToken);

    /// <summary>
    /// Applies the migrations the database lacks up to <paramref name="targetVersion"/> only: a database as an earlier
    /// release left it, to prove that the later steps keep its data working.
    /// </summary>
    /// <exception cref="SchemaVersionException">The database is at a newer version than this binary knows.</exception>
    public static async Task<SchemaMigrationResult> MigrateAsync(NpgsqlDataSource dataSource, int targetVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetVersion, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, LatestVersion);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, CreateVersionTable, cancellationToken);
            var previous = await ReadVersionAsync(connection, cancellationToken);
            if (previous > LatestVersion)
            {
                throw SchemaVersionException.TooNew(previous, LatestVersion);
            }

            var applied = new List<SchemaMigration>();
            foreach (var migration in Migrations.Where(m => m.Version > previous && m.Version <= targetVersion))
            {
                await ApplyAsync(connection, migration, cancellationToken);
                applied.Add(migration);
            }

            return new SchemaMigrationResult(previous, applied.Count > 0 ? applied[^1].Version : previous, applied);
        }
        finally
        {
            // The lock is per session and pooled connections outlive this call: release it explicitly.
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    /// <summary>The schema version recorded in the database; 0 when PqlGrains' schema was never applied.</summary>
    public static async Task<int> GetVersionAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('pql_schema_version') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return 0;
        }

        return await ReadVersionAsync(connection, cancellationToken);
    }

    /// <summary>Fails unless the database is exactly at the version this binary expects.</summary>
    /// <exception cref="SchemaVersionException">The schema is missing, behind, or ahead of this binary.</exception>
    public static async Task EnsureCurrentAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var version = await GetVersionAsync(dataSource, cancellationToken);
        if (version > LatestVersion)
        {
            throw SchemaVersionException.TooNew(version, LatestVersion);
        }

        if (version < LatestVersion)
        {
            throw SchemaVersionException.TooOld(version, LatestVersion);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, SchemaMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        await using (var record = new NpgsqlCommand("INSERT INTO pql_schema_version (version, name) VALUES ($1, $2)", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM pql_schema_version", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
