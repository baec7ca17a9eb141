using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Testing.Hosting;

namespace PqlGrains.IntegrationTests.Hosting;

/// <summary>
/// An Orleans client on the cluster of silo processes sharing a test database: it sees where
/// placement put grains and whether the ingest partitions dispatched what they logged.
/// </summary>
internal sealed class PostgresClusterClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly IHost _host;

    private PostgresClusterClient(IHost host) => _host = host;

    public IClusterClient Grains => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<PostgresClusterClient> ConnectAsync(string connectionString, string clusterId)
    {
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                client.UseAdoNetClustering(clustering =>
                {
                    clustering.Invariant = "Npgsql";
                    clustering.ConnectionString = connectionString;
                });
                client.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = clusterId;
                    cluster.ServiceId = clusterId;
                });
            })
            .Build();
        await host.StartAsync();
        return new PostgresClusterClient(host);
    }

    /// <summary>How many activations of <paramref name="grainClass"/> (e.g. "UserGrain") <paramref name="silo"/> holds.</summary>
    public async Task<int> ActivationsOnAsync(SiloProcess silo, string grainClass)
    {
        var statistics = await Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Count(statistic =>
            statistic.GrainType.Contains("." + grainClass, StringComparison.Ordinal) &&
            statistic.SiloAddress.ToString().Contains($":{silo.SiloPort}:", StringComparison.Ordinal));
    }

    /// <summary>
    /// Waits until every ingest partition dispatched what it logged. A partition that lived on a
    /// killed silo answers once membership declares that silo dead and it reactivates elsewhere,
    /// re-dispatching from its saved watermark.
    /// </summary>
    public async Task WaitDispatchedAsync(int partitions)
    {
        var deadline = DateTime.UtcNow + Patience;
        for (var partition = 0; partition < partitions; partition++)
        {
            Exception? lastError = null;
            while (true)
            {
                try
                {
                    if ((await Grains.GetGrain<IIngestPartitionGrain>(partition).GetProgress()).IsCaughtUp)
                    {
                        break;
                    }
                }
                catch (Exception exception) when (exception is OrleansException or TimeoutException)
                {
                    lastError = exception;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Ingest partition {partition} did not dispatch what it logged within {Patience.TotalSeconds:0} s.", lastError);
                }

                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
