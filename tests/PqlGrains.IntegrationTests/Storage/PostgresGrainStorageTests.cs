using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using PqlGrains.Grains.Ingest;
using PqlGrains.Testing.Postgres;
using static PqlGrains.IntegrationTests.Storage.GrainStorageDatabase;

namespace PqlGrains.IntegrationTests.Storage;

/// <summary>
/// The grain storage contract of <see cref="Postgres.GrainStorage.PostgresGrainStorage"/> against a real PostgreSQL:
/// what a write acknowledged is there for the next reader, versions guard against a second activation, batched writes
/// of many grains each keep their own outcome, and rows stay interchangeable with Orleans' ADO.NET provider.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageTests(PostgresServer server) : IAsyncLifetime
{
    private GrainStorageDatabase _database = null!;

    public async Task InitializeAsync() => _database = await GrainStorageDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_state_never_written_reads_as_new_without_a_version()
    {
        var state = new GrainState<PartitionWatermark>();

        await _database.CreateStorage().ReadStateAsync(StateName, UserGrain("nobody"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.DispatchedUpTo);
    }

    [Fact]
    public async Task An_acknowledged_write_is_read_by_another_silo_with_its_version()
    {
        var grain = UserGrain("u-1");
        var written = Watermark(41);
        await _database.CreateStorage().WriteStateAsync(StateName, grain, written);
        written.State!.DispatchedUpTo = 42;
        await _database.CreateStorage().WriteStateAsync(StateName, grain, written);

        var read = new GrainState<PartitionWatermark>();
        await _database.CreateStorage().ReadStateAsync(StateName, grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State!.DispatchedUpTo);
        Assert.Equal("2", read.ETag);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_version_fails_and_leaves_the_newer_state()
    {
        var grain = UserGrain("u-stale");
        var first = Watermark(1);
        await _database.CreateStorage().WriteStateAsync(StateName, grain, first);
        var stale = Watermark(99, first.ETag);
        first.State!.DispatchedUpTo = 2;
        await _database.CreateStorage().WriteStateAsync(StateName, grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _database.CreateStorage().WriteStateAsync(StateName, grain, stale));

        var read = new GrainState<PartitionWatermark>();
        await _database.CreateStorage().ReadStateAsync(StateName, grain, read);
        Assert.Equal(2, read.State!.DispatchedUpTo);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task Two_activations_creating_the_same_state_only_the_first_wins()
    {
        var grain = UserGrain("u-twice");
        var storage = _database.CreateStorage();

        await storage.WriteStateAsync(StateName, grain, Watermark(1));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, Watermark(2)));
    }

    [Fact]
    public async Task Clear_empties_the_state_and_the_next_write_continues_from_the_cleared_version()
    {
        var grain = UserGrain("u-clear");
        var storage = _database.CreateStorage();
        var state = Watermark(7);
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.Equal("2", state.ETag);
        var read = new GrainState<PartitionWatermark>();
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State!.DispatchedUpTo);
        Assert.Equal("2", read.ETag);

        read.State!.DispatchedUpTo = 8;
        await storage.WriteStateAsync(StateName, grain, read);
        Assert.Equal("3", read.ETag);
    }

    [Fact]
    public async Task Clearing_a_state_that_was_never_written_does_nothing()
    {
        var state = new GrainState<PartitionWatermark>();

        await _database.CreateStorage().ClearStateAsync(StateName, UserGrain("u-never"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task Concurrent_writes_of_many_grains_each_land_and_a_conflict_fails_only_its_own_write()
    {
        var storage = _database.CreateStorage(maxBatchSize: 16);
        var conflicting = UserGrain("u-conflict");
        await storage.WriteStateAsync(StateName, conflicting, Watermark(1));
        var states = Enumerable.Range(0, 100).Select(i => Watermark(i)).ToArray();

        var writes = states.Select((state, i) => storage.WriteStateAsync(StateName, UserGrain($"u-{i}"), state)).ToList();
        var stale = storage.WriteStateAsync(StateName, conflicting, Watermark(2));
        await Task.WhenAll(writes);

        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        var reader = _database.CreateStorage();
        for (var i = 0; i < states.Length; i++)
        {
            Assert.Equal("1", states[i].ETag);
            var read = new GrainState<PartitionWatermark>();
            await reader.ReadStateAsync(StateName, UserGrain($"u-{i}"), read);
            Assert.Equal(i, read.State!.DispatchedUpTo);
        }
    }

    [Fact]
    public async Task A_batch_cut_off_before_its_commit_fails_its_writes_and_the_stored_state_stays_readable_and_writable()
    {
        var grain = UserGrain("u-crash");
        var storage = _database.CreateStorage();
        var state = Watermark(1);
        await storage.WriteStateAsync(StateName, grain, state);

        // Another transaction holds the row, so the batch waits inside its statement until its backend is terminated.
        await using var blocker = await _database.DataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM OrleansStorage FOR UPDATE", blocker, transaction))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        state.State!.DispatchedUpTo = 2;
        var cutOff = storage.WriteStateAsync(StateName, grain, state);
        await TerminateBatchBackendAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => cutOff);
        await transaction.RollbackAsync();

        var read = new GrainState<PartitionWatermark>();
        var restarted = _database.CreateStorage();
        await restarted.ReadStateAsync(StateName, grain, read);
        Assert.Equal(1, read.State!.DispatchedUpTo);
        Assert.Equal("1", read.ETag);
        read.State!.DispatchedUpTo = 3;
        await restarted.WriteStateAsync(StateName, grain, read);
        Assert.Equal("2", read.ETag);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rows_are_interchangeable_with_the_AdoNet_provider(bool integerKey)
    {
        var grain = integerKey ? GrainId.Create(GrainType.Create("ingestpartition"), GrainIdKeyExtensions.CreateIntegerKey(6)) : UserGrain("load-user-42");
        var adoNet = await _database.CreateAdoNetStorageAsync();
        var ours = _database.CreateStorage();

        var written = Watermark(10);
        await adoNet.WriteStateAsync(StateName, grain, written);
        var read = new GrainState<PartitionWatermark>();
        await ours.ReadStateAsync(StateName, grain, read);
        Assert.Equal((10L, written.ETag), (read.State!.DispatchedUpTo, read.ETag));

        read.State!.DispatchedUpTo = 11;
        await ours.WriteStateAsync(StateName, grain, read);
        var back = new GrainState<PartitionWatermark>();
        await adoNet.ReadStateAsync(StateName, grain, back);
        Assert.Equal((11L, read.ETag), (back.State!.DispatchedUpTo, back.ETag));

        await using var rows = _database.DataSource.CreateCommand("SELECT count(*) FROM OrleansStorage");
        Assert.Equal(1L, await rows.ExecuteScalarAsync());
    }

    private async Task TerminateBatchBackendAsync()
    {
        var pid = await _database.WaitForLockWaitAsync("pql_store_grain_state");
        await using var terminate = _database.DataSource.CreateCommand("SELECT pg_terminate_backend($1)");
        terminate.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
        await terminate.ExecuteScalarAsync();
    }
}
