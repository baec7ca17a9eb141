using Npgsql;
using PqlGrains.Postgres.Schema;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Schema;

/// <summary>
/// Schema 6 changes how grain state rows are written (lz4 compression, <c>pql_store_grain_state</c>): rows an earlier
/// release stored must read back byte for byte and keep taking saves with their versions.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GrainStateWriteMigrationTests(PostgresServer server)
{
    private const string ReadRowSql = "SELECT PayloadBinary, pg_column_compression(PayloadBinary), Version FROM OrleansStorage WHERE GrainIdHash = 11 AND GrainTypeString = 'lead'";

    /// <summary>PostgreSQL 13 has no <c>pg_column_compression</c>; it compresses with pglz only.</summary>
    private const string ReadRowSqlBefore14 = "SELECT PayloadBinary, 'pglz', Version FROM OrleansStorage WHERE GrainIdHash = 11 AND GrainTypeString = 'lead'";

    [Fact]
    public async Task A_state_stored_before_schema_6_reads_back_unchanged_and_its_next_save_is_compressed_with_lz4_where_the_server_has_it()
    {
        var connectionString = await server.CreateDatabaseAsync(nameof(GrainStateWriteMigrationTests), migrate: false);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await PqlSchema.MigrateAsync(dataSource, 5, CancellationToken.None);
        // Over the 2 KB TOAST threshold and compressible, as lead and account states are.
        var before = Payload("stored by schema 5");
        await using (var write = dataSource.CreateCommand("SELECT NewGrainStateVersion FROM pql_write_grain_state(11, 12, 0, 13, 'lead', NULL, 'svc', NULL, $1)"))
        {
            write.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = before });
            Assert.Equal(1, await write.ExecuteScalarAsync());
        }

        var migrated = await PqlSchema.MigrateAsync(dataSource, CancellationToken.None);

        Assert.Equal(5, migrated.PreviousVersion);
        Assert.Equal(6, migrated.CurrentVersion);
        var (storedBefore, compressedBefore, versionBefore) = await ReadRowAsync(dataSource);
        Assert.Equal(before, storedBefore);
        Assert.Equal("pglz", compressedBefore);
        Assert.Equal(1, versionBefore);

        var after = Payload("saved under schema 6");
        await using (var save = dataSource.CreateCommand("SELECT pql_store_grain_state(11, 12, 0, 13, 'lead', NULL, 'svc', 1, $1)"))
        {
            save.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = after });
            Assert.Equal(2, await save.ExecuteScalarAsync());
        }

        var (storedAfter, compressedAfter, versionAfter) = await ReadRowAsync(dataSource);
        Assert.Equal(after, storedAfter);
        Assert.Equal(await ServerHasLz4Async(dataSource) ? "lz4" : "pglz", compressedAfter);
        Assert.Equal(2, versionAfter);
    }

    [Fact]
    public async Task A_save_with_a_stale_version_or_a_second_insert_is_refused_by_pql_store_grain_state()
    {
        var connectionString = await server.CreateDatabaseAsync(nameof(GrainStateWriteMigrationTests));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        Assert.Equal(1, await StoreAsync(dataSource, version: null, Payload("first insert")));
        Assert.Null(await StoreAsync(dataSource, version: null, Payload("second insert")));
        Assert.Equal(2, await StoreAsync(dataSource, version: 1, Payload("update")));
        Assert.Equal(1, await StoreAsync(dataSource, version: 1, Payload("stale update")));

        var (stored, _, version) = await ReadRowAsync(dataSource);
        Assert.Equal(Payload("update"), stored);
        Assert.Equal(2, version);
    }

    [Fact]
    public async Task Schema_6_gives_up_with_what_to_do_while_another_session_holds_the_grain_state_table_and_applies_once_it_is_free()
    {
        var connectionString = await server.CreateDatabaseAsync(nameof(GrainStateWriteMigrationTests), migrate: false);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await PqlSchema.MigrateAsync(dataSource, 5, CancellationToken.None);
        if (await ServerVersionAsync(dataSource) < 140000)
        {
            return; // No lz4 step, so nothing to wait for.
        }

        await using (var backup = await dataSource.OpenConnectionAsync())
        {
            // What pg_dump holds for its whole run: a read lock, which the ALTER's exclusive lock waits for.
            await using var transaction = await backup.BeginTransactionAsync();
            await using (var read = new NpgsqlCommand("SELECT count(*) FROM OrleansStorage", backup, transaction))
            {
                await read.ExecuteScalarAsync();
            }

            // Without the migration's own lock timeout it would wait for the backup: fail instead of hanging the suite.
            using var stuck = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var refused = await Assert.ThrowsAsync<PostgresException>(() => PqlSchema.MigrateAsync(dataSource, stuck.Token));
            Assert.Equal(PostgresErrorCodes.RaiseException, refused.SqlState);
            Assert.Contains("could not lock OrleansStorage within 5 s", refused.MessageText);
            Assert.Contains("pql db migrate", refused.Hint);
            Assert.Equal(5, await PqlSchema.GetVersionAsync(dataSource, CancellationToken.None));
        }

        var migrated = await PqlSchema.MigrateAsync(dataSource, CancellationToken.None);
        Assert.Equal(5, migrated.PreviousVersion);
        Assert.Equal(6, migrated.CurrentVersion);
    }

    private static byte[] Payload(string text) =>
        System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"{text} lead activity rep-7 ", 200)));

    private static async Task<int?> StoreAsync(NpgsqlDataSource dataSource, int? version, byte[] payload)
    {
        await using var command = dataSource.CreateCommand("SELECT pql_store_grain_state(11, 12, 0, 13, 'lead', NULL, 'svc', $1, $2)");
        command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = version, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload });
        return await command.ExecuteScalarAsync() is int stored ? stored : null;
    }

    private static async Task<(byte[] Payload, string Compression, int Version)> ReadRowAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(await ServerVersionAsync(dataSource) >= 140000 ? ReadRowSql : ReadRowSqlBefore14);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetFieldValue<byte[]>(0), reader.GetString(1), reader.GetInt32(2));
    }

    private static async Task<int> ServerVersionAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT current_setting('server_version_num')::integer");
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>lz4 needs PostgreSQL 14 built with it; elsewhere the migration leaves pglz.</summary>
    private static async Task<bool> ServerHasLz4Async(NpgsqlDataSource dataSource)
    {
        if (await ServerVersionAsync(dataSource) < 140000)
        {
            return false;
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        try
        {
            await using var probe = new NpgsqlCommand("SET default_toast_compression = 'lz4'; RESET default_toast_compression", connection);
            await probe.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidParameterValue)
        {
            return false;
        }
    }
}
