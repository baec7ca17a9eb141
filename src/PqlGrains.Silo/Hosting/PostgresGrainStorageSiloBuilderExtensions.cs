using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using PqlGrains.Postgres.GrainStorage;

namespace PqlGrains.Silo.Hosting;

public static class PostgresGrainStorageSiloBuilderExtensions
{
    /// <summary>
    /// Grain storage <paramref name="name"/> in <c>OrleansStorage</c> with group-committed saves
    /// (<see cref="PostgresGrainStorage"/>), over the <see cref="NpgsqlDataSource"/> registered in the container,
    /// writing Orleans' binary codec and still reading states an earlier build saved as JSON.
    /// </summary>
    public static ISiloBuilder AddPqlPostgresGrainStorage(this ISiloBuilder silo, string name)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddGrainStorage(name, static (services, _) => new PostgresGrainStorage(
            services.GetService<NpgsqlDataSource>()
                ?? throw new InvalidOperationException("PostgreSQL grain storage needs an NpgsqlDataSource in the container: run with Pql:Storage=Postgres and a connection string (Pql:ConnectionString or ConnectionStrings:Pql)."),
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            GrainStateSerialization.BinaryReadingJson(services.GetRequiredService<Serializer>(), services.GetRequiredService<IGrainStorageSerializer>()),
            services.GetRequiredService<IActivatorProvider>(),
            services.GetRequiredService<ILogger<PostgresGrainStorage>>()));
        return silo;
    }
}
