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

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public static async Task<GrainStorageDatabase> CreateAsync(Testing.Postgres.PostgresServer server)
    {
        var connectionString = await server.CreateDatabaseAsync("grainstorage");
        var services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(PartitionWatermark).Assembly))
            .BuildServiceProvider();
        return new GrainStorageDatabase(connectionString, NpgsqlDataSource.Create(connectionString), services);
    }

    public PostgresGrainStorage CreateStorage(int maxBatchSize = PostgresGrainStorage.DefaultMaxBatchSize) => new(
        DataSource,
        ServiceId,
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

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await services.DisposeAsync();
    }
}
