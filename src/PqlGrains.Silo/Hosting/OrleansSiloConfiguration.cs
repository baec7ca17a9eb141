using System.Net;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using PqlGrains.Abstractions;
using PqlGrains.Grains.Hosting;
using PqlGrains.Postgres.EventLog;
using PqlGrains.Silo.Configuration;

namespace PqlGrains.Silo.Hosting;

/// <summary>Turns <see cref="PqlOptions"/> into Orleans silo configuration for the chosen storage mode.</summary>
internal static class OrleansSiloConfiguration
{
    // ADO.NET providers look the driver up by this invariant name; Npgsql registers its factory under it.
    private const string NpgsqlInvariant = "Npgsql";

    public static void Apply(ISiloBuilder silo, PqlOptions options)
    {
        var cluster = options.Cluster;
        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = cluster.ProbeTimeout;
            membership.NumMissedProbesLimit = cluster.NumMissedProbesLimit;
        });
        silo.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = options.Reminders.MinimumPeriod);

        if (options.Storage == PqlStorageMode.Memory)
        {
            ApplyMemory(silo, cluster);
        }
        else
        {
            ApplyPostgres(silo, cluster);
        }

        silo.AddPqlIngest();
        silo.AddPqlPrivacy();
    }

    private static void ApplyMemory(ISiloBuilder silo, PqlClusterOptions cluster)
    {
        silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, primarySiloEndpoint: null, cluster.ServiceId, cluster.ClusterId);
        // Orleans' binary codec instead of the default Newtonsoft JSON: every grain state here is
        // [GenerateSerializer], nothing outlives the process, and JSON cost the silo about a third of its
        // CPU under ingest load (lead, account and user saves).
        silo.AddMemoryGrainStorage(PqlStorageNames.Grains, (OptionsBuilder<MemoryGrainStorageOptions> storage) =>
            storage.Configure<Serializer>((memory, serializer) => memory.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
        silo.UseInMemoryReminderService();
        silo.Services.AddPqlInMemoryEventLog();
    }

    /// <summary>
    /// Clustering, reminders, grain state and the event log all use the silo's one <see cref="NpgsqlDataSource"/>
    /// (<see cref="PqlSiloHostingExtensions"/>): one connection pool and one place where the connection defaults apply.
    /// </summary>
    private static void ApplyPostgres(ISiloBuilder silo, PqlClusterOptions cluster)
    {
        silo.Configure<ClusterOptions>(identity =>
        {
            identity.ClusterId = cluster.ClusterId;
            identity.ServiceId = cluster.ServiceId;
        });
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.SiloPort = cluster.SiloPort;
            endpoints.GatewayPort = cluster.GatewayPort;
            if (!string.IsNullOrWhiteSpace(cluster.AdvertisedIP))
            {
                endpoints.AdvertisedIPAddress = IPAddress.Parse(cluster.AdvertisedIP);
            }
        });
        silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> clustering) => clustering.Configure<NpgsqlDataSource>(
            (options, dataSource) =>
            {
                options.Invariant = NpgsqlInvariant;
                options.DataSource = dataSource;
            }));
        silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> reminders) => reminders.Configure<NpgsqlDataSource>(
            (options, dataSource) =>
            {
                options.Invariant = NpgsqlInvariant;
                options.DataSource = dataSource;
            }));
        silo.AddPqlPostgresGrainStorage(PqlStorageNames.Grains);
        silo.Services.AddPqlPostgresEventLog();
    }
}
