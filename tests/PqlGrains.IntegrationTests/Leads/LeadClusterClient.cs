using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using PqlGrains.Abstractions.Leads;

namespace PqlGrains.IntegrationTests.Leads;

/// <summary>An Orleans client on the test database's cluster, to hand lead grains tier changes the way observers do.</summary>
internal sealed class LeadClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private LeadClusterClient(IHost host) => _host = host;

    public IClusterClient Grains => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<LeadClusterClient> ConnectAsync(string connectionString, string clusterId)
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
        return new LeadClusterClient(host);
    }

    /// <summary>Polls the subject's open lead until it satisfies the condition (failover can take several seconds).</summary>
    public async Task<Lead> WaitForLeadAsync(string subject, Func<Lead, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        Lead? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await Grains.GetGrain<ILeadGrain>(subject).Current();
                if (last is not null && condition(last))
                {
                    return last;
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The silo holding the grain may just have died; ask again once membership catches up.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Waited 60 s for {what}; last seen: status {last?.Status}, assignee {last?.AssigneeId}, misses {last?.SlaMisses}:\n{string.Join("\n", last?.Activities.Select(a => $"{a.Kind}: {a.Detail}") ?? [])}");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
