using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using PqlGrains.Grains.Ingest;
using PqlGrains.Postgres.GrainStorage;
using PqlGrains.Testing.Postgres;
using static PqlGrains.IntegrationTests.Storage.GrainStorageDatabase;

namespace PqlGrains.IntegrationTests.Storage;

/// <summary>
/// One save's bad row fails that save alone: the grain saves that went out in the same batch are stored once, with
/// their exact versions.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageIsolationTests(PostgresServer server) : IAsyncLifetime
{
    private GrainStorageDatabase _database = null!;

    public async Task InitializeAsync() => _database = await GrainStorageDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("key longer than its column", "the grain key is 513 characters long and OrleansStorage.GrainIdExtensionString holds at most 512")]
    [InlineData("key with a NUL", "the grain key has a NUL character (U+0000) at index 2")]
    [InlineData("state name longer than its column", "the state name is 600 characters long and OrleansStorage.GrainTypeString holds at most 512")]
    [InlineData("state name with an unpaired surrogate", "the state name has an unpaired UTF-16 surrogate at index 6")]
    public async Task A_save_whose_row_no_column_can_hold_fails_alone_with_the_reason_while_its_batch_mates_are_stored(string fault, string reason)
    {
        var (key, stateName) = fault switch
        {
            "key longer than its column" => (new string('k', 513), StateName),
            "key with a NUL" => ("u-\0-x", StateName),
            "state name longer than its column" => ("u-named", new string('s', 600)),
            _ => ("u-named", "state-\ud800"),
        };
        var storage = _database.CreateStorage();
        var mates = await WriteMatesBeforeAsync(storage);
        Task rejected;
        await using (var held = await HeldBatch.StartAsync(_database, storage))
        {
            rejected = storage.WriteStateAsync(stateName, UserGrain(key), Watermark(1));
            var saves = SaveMates(storage, mates);
            await held.ReleaseAsync();
            await Task.WhenAll(saves);
        }

        var failure = await Assert.ThrowsAsync<GrainStateRejectedException>(() => rejected);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        await AssertStoredOnceAsync(mates);
        Assert.Equal(1L + mates.Length, await RowCountAsync());
    }

    [Fact]
    public void A_service_id_longer_than_its_column_is_refused_when_the_storage_is_built()
    {
        var failure = Assert.Throws<ArgumentException>(() => _database.CreateStorage(serviceId: new string('s', 151)));

        Assert.Contains("the service id is 151 characters long and OrleansStorage.ServiceId holds at most 150", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grain_key_of_512_characters_outside_the_basic_plane_is_stored_because_the_column_counts_characters()
    {
        var storage = _database.CreateStorage();
        var grain = UserGrain(string.Concat(Enumerable.Repeat("\U0001F600", 512)));
        var state = Watermark(5);

        await storage.WriteStateAsync(StateName, grain, state);

        var read = new GrainState<PartitionWatermark>();
        await _database.CreateStorage().ReadStateAsync(StateName, grain, read);
        Assert.Equal((5L, "1"), (read.State!.DispatchedUpTo, read.ETag));
    }

    [Fact]
    public async Task A_row_whose_version_cannot_grow_fails_its_save_alone_and_its_batch_mates_are_stored_once()
    {
        var storage = _database.CreateStorage();
        var full = UserGrain("u-version-full");
        await storage.WriteStateAsync(StateName, full, Watermark(1));
        await ExecuteAsync($"UPDATE OrleansStorage SET Version = {int.MaxValue} WHERE GrainIdExtensionString = 'u-version-full'");
        var mates = await WriteMatesBeforeAsync(storage);
        Task overflowing;
        await using (var held = await HeldBatch.StartAsync(_database, storage))
        {
            overflowing = storage.WriteStateAsync(StateName, full, Watermark(2, int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var saves = SaveMates(storage, mates);
            await held.ReleaseAsync();
            await Task.WhenAll(saves);
        }

        var failure = await Assert.ThrowsAsync<GrainStateRejectedException>(() => overflowing);
        Assert.Equal(PostgresErrorCodes.NumericValueOutOfRange, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
        Assert.Contains("u-version-full", failure.Message, StringComparison.Ordinal);
        Assert.Contains("The other saves of its batch were stored", failure.Message, StringComparison.Ordinal);
        await AssertStoredOnceAsync(mates);
        var read = new GrainState<PartitionWatermark>();
        await storage.ReadStateAsync(StateName, full, read);
        Assert.Equal((1L, int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)), (read.State!.DispatchedUpTo, read.ETag));
    }

    [Fact]
    public async Task A_create_that_hits_a_unique_index_after_another_writer_inserted_the_row_fails_as_a_conflict_and_its_batch_mates_are_stored_once()
    {
        // Some deployments add a unique index on the row's identity; the ADO.NET schema has none.
        await ExecuteAsync("CREATE UNIQUE INDEX ux_orleansstorage_identity ON OrleansStorage (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString, ServiceId)");
        var storage = _database.CreateStorage();
        var contested = UserGrain("u-contested");
        var mates = await WriteMatesBeforeAsync(storage);

        // Another silo's activation creates the row (its row kept aside) in a transaction that commits only once this
        // batch found no row and waits on the index: the batch statement then fails with a unique violation.
        await _database.CreateStorage().WriteStateAsync(StateName, contested, Watermark(77));
        await ExecuteAsync("""
            CREATE TABLE other_silo_row AS SELECT * FROM OrleansStorage WHERE GrainIdExtensionString = 'u-contested';
            DELETE FROM OrleansStorage WHERE GrainIdExtensionString = 'u-contested';
            """);
        await using var otherConnection = await _database.DataSource.OpenConnectionAsync();
        await using var otherTransaction = await otherConnection.BeginTransactionAsync();
        Task contestedSave;
        await using (var held = await HeldBatch.StartAsync(_database, storage))
        {
            await using (var insert = new NpgsqlCommand("INSERT INTO OrleansStorage SELECT * FROM other_silo_row", otherConnection, otherTransaction))
            {
                await insert.ExecuteNonQueryAsync();
            }

            contestedSave = storage.WriteStateAsync(StateName, contested, Watermark(1));
            var saves = SaveMates(storage, mates);
            await held.ReleaseAsync();
            await _database.WaitForLockWaitAsync("pql_store_grain_state");
            await otherTransaction.CommitAsync();
            await Task.WhenAll(saves);
        }

        await Assert.ThrowsAsync<InconsistentStateException>(() => contestedSave);
        await AssertStoredOnceAsync(mates);
        var read = new GrainState<PartitionWatermark>();
        await storage.ReadStateAsync(StateName, contested, read);
        Assert.Equal((77L, "1"), (read.State!.DispatchedUpTo, read.ETag));
    }

    [Fact]
    public async Task A_cancelled_read_stops_waiting_and_leaves_the_state_untouched()
    {
        var storage = _database.CreateStorage();
        var grain = UserGrain("u-read");
        await storage.WriteStateAsync(StateName, grain, Watermark(3));
        await using var blocker = await _database.DataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE OrleansStorage IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        using var cancellation = new CancellationTokenSource();
        var state = Watermark(-1, "untouched");
        var read = storage.ReadStateAsync(StateName, grain, state, cancellation.Token);
        await _database.WaitForLockWaitAsync("SELECT PayloadBinary, Version FROM OrleansStorage");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        Assert.Equal((-1L, "untouched"), (state.State!.DispatchedUpTo, state.ETag));
    }

    [Fact]
    public async Task A_cancelled_clear_leaves_the_row_and_the_state_as_they_were()
    {
        var storage = _database.CreateStorage();
        var grain = UserGrain("u-clear");
        var state = Watermark(4);
        await storage.WriteStateAsync(StateName, grain, state);
        await using var blocker = await _database.DataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM OrleansStorage FOR UPDATE", blocker, transaction))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        using var cancellation = new CancellationTokenSource();
        var clear = storage.ClearStateAsync(StateName, grain, state, cancellation.Token);
        await _database.WaitForLockWaitAsync("UPDATE OrleansStorage SET PayloadBinary = NULL");
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clear);
        await transaction.RollbackAsync();

        Assert.Equal((4L, "1", true), (state.State!.DispatchedUpTo, state.ETag, state.RecordExists));
        var read = new GrainState<PartitionWatermark>();
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal((4L, "1", true), (read.State!.DispatchedUpTo, read.ETag, read.RecordExists));
        state.State!.DispatchedUpTo = 5;
        await storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal("2", state.ETag);
    }

    [Fact]
    public async Task A_save_cancelled_while_queued_is_never_written_and_one_cancelled_after_its_batch_left_completes_with_its_version()
    {
        var storage = _database.CreateStorage();
        var queuedGrain = UserGrain("u-withdrawn");
        var queuedState = Watermark(9);
        using var outCancellation = new CancellationTokenSource();
        using var queuedCancellation = new CancellationTokenSource();
        await using (var held = await HeldBatch.StartAsync(_database, storage, outCancellation.Token))
        {
            var queued = storage.WriteStateAsync(StateName, queuedGrain, queuedState, queuedCancellation.Token);
            await queuedCancellation.CancelAsync();
            await outCancellation.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
            await held.ReleaseAsync();
            Assert.Equal("2", held.GateState.ETag);
        }

        Assert.Null(queuedState.ETag);
        var read = new GrainState<PartitionWatermark>();
        await storage.ReadStateAsync(StateName, queuedGrain, read);
        Assert.False(read.RecordExists);
        var gate = new GrainState<PartitionWatermark>();
        await storage.ReadStateAsync(StateName, HeldBatch.Gate, gate);
        Assert.Equal((1L, "2"), (gate.State!.DispatchedUpTo, gate.ETag));
        await storage.WriteStateAsync(StateName, queuedGrain, queuedState);
        Assert.Equal("1", queuedState.ETag);
    }

    /// <summary>Batch mates: ten grains with a stored row (their next save makes version 2) and ten new ones (version 1).</summary>
    private static async Task<Mate[]> WriteMatesBeforeAsync(PostgresGrainStorage storage)
    {
        var mates = new Mate[20];
        for (var i = 0; i < mates.Length; i++)
        {
            var grain = UserGrain($"mate-{i}");
            var state = Watermark(i);
            if (i < 10)
            {
                await storage.WriteStateAsync(StateName, grain, state);
            }

            state.State!.DispatchedUpTo = 100 + i;
            mates[i] = new Mate(grain, state, i < 10 ? "2" : "1");
        }

        return mates;
    }

    private static List<Task> SaveMates(PostgresGrainStorage storage, Mate[] mates) =>
        [.. mates.Select(mate => storage.WriteStateAsync(StateName, mate.Grain, mate.State))];

    /// <summary>Each mate's version moved by exactly one: a save written twice would show one more.</summary>
    private async Task AssertStoredOnceAsync(Mate[] mates)
    {
        var reader = _database.CreateStorage();
        foreach (var mate in mates)
        {
            Assert.Equal(mate.ExpectedETag, mate.State.ETag);
            var read = new GrainState<PartitionWatermark>();
            await reader.ReadStateAsync(StateName, mate.Grain, read);
            Assert.Equal((mate.State.State!.DispatchedUpTo, mate.ExpectedETag), (read.State!.DispatchedUpTo, read.ETag));
        }
    }

    private async Task<long> RowCountAsync()
    {
        await using var rows = _database.DataSource.CreateCommand("SELECT count(*) FROM OrleansStorage");
        return (long)(await rows.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record Mate(GrainId Grain, GrainState<PartitionWatermark> State, string ExpectedETag);
}
