using Npgsql;
using Orleans.Runtime;
using PqlGrains.Grains.Ingest;
using PqlGrains.Postgres.GrainStorage;
using static PqlGrains.IntegrationTests.Storage.GrainStorageDatabase;

namespace PqlGrains.IntegrationTests.Storage;

/// <summary>
/// A batch of one storage held inside its statement: another transaction locks the gate grain's row and the storage
/// saves that grain, so every save queued until <see cref="ReleaseAsync"/> goes out together in the next batch.
/// </summary>
internal sealed class HeldBatch(NpgsqlConnection connection, NpgsqlTransaction rowLock, GrainState<PartitionWatermark> gate, Task save) : IAsyncDisposable
{
    public static readonly GrainId Gate = UserGrain("gate");

    /// <summary>The gate's save, out in the held batch.</summary>
    public Task Save { get; } = save;

    /// <summary>The gate's state as the held save carries it.</summary>
    public GrainState<PartitionWatermark> GateState { get; } = gate;

    public static async Task<HeldBatch> StartAsync(GrainStorageDatabase database, PostgresGrainStorage storage, CancellationToken saveCancellation = default)
    {
        var gate = Watermark(0);
        await storage.WriteStateAsync(StateName, Gate, gate);
        var connection = await database.DataSource.OpenConnectionAsync();
        var rowLock = await connection.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM OrleansStorage WHERE GrainIdExtensionString = 'gate' FOR UPDATE", connection, rowLock))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        gate.State!.DispatchedUpTo = 1;
        var save = storage.WriteStateAsync(StateName, Gate, gate, saveCancellation);
        await database.WaitForLockWaitAsync("pql_store_grain_state");
        return new HeldBatch(connection, rowLock, gate, save);
    }

    /// <summary>Lets the held batch commit and waits for it: the saves queued meanwhile then go out as one batch.</summary>
    public async Task ReleaseAsync()
    {
        await rowLock.RollbackAsync();
        await Save;
    }

    public async ValueTask DisposeAsync()
    {
        await rowLock.DisposeAsync();
        await connection.DisposeAsync();
    }
}
