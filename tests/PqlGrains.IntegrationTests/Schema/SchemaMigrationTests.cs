using Npgsql;
using PqlGrains.Postgres.Schema;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Schema;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigrationTests(PostgresServer server)
{
    [Fact]
    public async Task Migrating_an_empty_database_creates_every_table_and_query_the_Orleans_providers_look_up()
    {
        var connectionString = await server.CreateDatabaseAsync(nameof(SchemaMigrationTests), migrate: false);

        var result = await PqlSchema.MigrateAsync(connectionString, CancellationToken.None);

        Assert.Equal(0, result.PreviousVersion);
        Assert.Equal(PqlSchema.LatestVersion, result.CurrentVersion);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var tables = await ReadStringsAsync(dataSource, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.Subset(tables.ToHashSet(), new HashSet<string>
        {
            "orleansquery", "orleansmembershiptable", "orleansmembershipversiontable", "orleansstorage",
            "orleansreminderstable", "pql_event_log", "pql_schema_version",
        });
        var queryKeys = await ReadStringsAsync(dataSource, "SELECT QueryKey FROM OrleansQuery");
        Assert.Subset(queryKeys.ToHashSet(), new HashSet<string>
        {
            "UpdateIAmAlivetimeKey", "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey",
            "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
            "CleanupDefunctSiloEntriesKey", "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
            "DeleteReminderRowKey", "DeleteReminderRowsKey",
        });
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing_the_second_time()
    {
        var connectionString = await server.CreateDatabaseAsync(nameof(SchemaMigrationTests), migrate: false);
        await PqlSchema.MigrateAsync(connectionString, CancellationToken.None);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var before = await SchemaFingerprintAsync(dataSource);

        var second = await PqlSchema.MigrateAsync(connectionString, CancellationToken.None);

        Assert.False(second.ChangedAnything);
        Assert.Equal(PqlSchema.LatestVersion, second.PreviousVersion);
        Assert.Equal(before, await SchemaFingerprintAsync(dataSource));
    }

    [Fact]
    public async Task Silos_migrating_the_same_database_at_once_apply_each_step_exactly_once()
    {
        var connectionString = await server.CreateDatabaseAsync(nameof(SchemaMigrationTests), migrate: false);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PqlSchema.MigrateAsync(connectionString, CancellationToken.None)));

        Assert.Equal(PqlSchema.Migrations.Count, results.Sum(r => r.Applied.Count));
        Assert.All(results, r => Assert.Equal(PqlSchema.LatestVersion, r.CurrentVersion));
    }

    [Fact]
    public async Task The_reminder_table_has_an_index_on_GrainHash_for_range_reads()
    {
        var connectionString = await server.CreateDatabaseAsync(nameof(SchemaMigrationTests));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var indexes = await ReadStringsAsync(dataSource, "SELECT indexdef FROM pg_indexes WHERE tablename = 'orleansreminderstable'");

        Assert.Contains(indexes, definition => definition.Contains("(serviceid, grainhash)", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_release_is_refused_and_left_untouched()
    {
        var connectionString = await server.CreateDatabaseAsync(nameof(SchemaMigrationTests));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var newer = PqlSchema.LatestVersion + 1;
        await using (var command = dataSource.CreateCommand($"INSERT INTO pql_schema_version (version, name) VALUES ({newer}, 'from_the_future')"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<SchemaVersionException>(() => PqlSchema.MigrateAsync(dataSource, CancellationToken.None));
        var refusedAtStart = await Assert.ThrowsAsync<SchemaVersionException>(() => PqlSchema.EnsureCurrentAsync(dataSource, CancellationToken.None));

        Assert.Equal(newer, refused.DatabaseVersion);
        Assert.Contains("newer", refused.Message, StringComparison.Ordinal);
        Assert.Equal(newer, refusedAtStart.DatabaseVersion);
        Assert.Equal(newer, await PqlSchema.GetVersionAsync(dataSource, CancellationToken.None));
    }

    [Fact]
    public async Task A_database_never_migrated_is_refused_with_the_command_that_fixes_it()
    {
        var connectionString = await server.CreateDatabaseAsync(nameof(SchemaMigrationTests), migrate: false);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var refused = await Assert.ThrowsAsync<SchemaVersionException>(() => PqlSchema.EnsureCurrentAsync(dataSource, CancellationToken.None));

        Assert.Equal(0, refused.DatabaseVersion);
        Assert.Contains("pql db migrate", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<string> SchemaFingerprintAsync(NpgsqlDataSource dataSource)
    {
        var parts = new List<string>();
        parts.AddRange(await ReadStringsAsync(dataSource, "SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1"));
        parts.AddRange(await ReadStringsAsync(dataSource, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"));
        parts.AddRange(await ReadStringsAsync(dataSource, "SELECT QueryKey || '=' || md5(QueryText) FROM OrleansQuery ORDER BY 1"));
        parts.AddRange(await ReadStringsAsync(dataSource, "SELECT version || ':' || applied_at FROM pql_schema_version ORDER BY 1"));
        return string.Join('\n', parts);
    }

    private static async Task<List<string>> ReadStringsAsync(NpgsqlDataSource dataSource, string sql)
    {
        var values = new List<string>();
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
