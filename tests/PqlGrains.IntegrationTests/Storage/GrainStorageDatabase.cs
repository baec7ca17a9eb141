using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using PqlGrains.Grains.Ingest;
using PqlGrains.Postgres.GrainStorage;

namespace PqlGrains.IntegrationTests.Storage;

/// <summary>
/// A migrated database and grain storages on it: this repository's <see cref="PostgresGrainStorage"/> (each instance
/// as a separate silo would hold it) and Orleans' own ADO.NET grain storage on the same tables.
/// </summary>
internal sealed class GrainStorageDatabase(string connectionString, NpgsqlDataSource dataSource, ServiceProvider services) : IAsyncDisposable
{
    public const string ServiceId = "storage-tests";

    public const string StateName = "ingest-partition";

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public static async Task<GrainStorageDatabase> CreateAsync(Testing.Postgres.PostgresServer server)
    {
        var connectionString = await server.CreateDatabaseAsync("grainstorage");
        var services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(PartitionWatermark).Assembly))
            .BuildServiceProvider();
        return new GrainStorageDatabase(connectionString, NpgsqlDataSource.Create(connectionString), services);
    }

    public PostgresGrainStorage CreateStorage(int maxBatchSize = PostgresGrainStorage.DefaultMaxBatchSize, string serviceId = ServiceId) => new(
        DataSource,
        serviceId,
        new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
        services.GetRequiredService<IActivatorProvider>(),
        NullLogger<PostgresGrainStorage>.Instance,
        maxBatchSize);

    /// <summary>Orleans' ADO.NET grain storage, initialised as a silo would (it reads its queries from OrleansQuery).</summary>
    public async Task<IGrainStorage> CreateAdoNetStorageAsync()
    {
        var storage = new AdoNetGrainStorage(
            services.GetRequiredService<IActivatorProvider>(),
            NullLogger<AdoNetGrainStorage>.Instance,
            Options.Create(new AdoNetGrainStorageOptions
            {
                Invariant = "Npgsql",
                ConnectionString = connectionString,
                GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
            }),
            Options.Create(new ClusterOptions { ServiceId = ServiceId, ClusterId = "storage-tests" }),
            "ado");
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        storage.Participate(lifecycle);
        await lifecycle.OnStart();
        return storage;
    }

    /// <summary>
    /// Waits until a statement containing <paramref name="queryFragment"/> is blocked on a lock another transaction of
    /// the test holds, and returns its backend's pid: the test then knows where that statement stands, without timing.
    /// </summary>
    public async Task<int> WaitForLockWaitAsync(string queryFragment)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        for (var attempt = 0; attempt < 400; attempt++)
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND strpos(query, $1) > 0 LIMIT 1",
                connection);
            waiting.Parameters.Add(new NpgsqlParameter<string> { TypedValue = queryFragment });
            if (await waiting.ExecuteScalarAsync() is int pid)
            {
                return pid;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"No statement containing '{queryFragment}' ever waited on the test's lock.");
    }

    public static GrainId UserGrain(string userId) => GrainId.Create("user", userId);

    public static GrainState<PartitionWatermark> Watermark(long dispatchedUpTo, string? etag = null) =>
        new(new PartitionWatermark { DispatchedUpTo = dispatchedUpTo }, etag);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await services.DisposeAsync();
    }
}
