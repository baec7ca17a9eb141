using PqlGrains.Abstractions.Leads;
using PqlGrains.IntegrationTests.Hosting;

namespace PqlGrains.IntegrationTests.Leads;

/// <summary>An Orleans client on the test database's cluster, to hand lead grains tier changes the way observers do.</summary>
internal sealed class LeadClusterClient : IAsyncDisposable
{
    private readonly PostgresClusterClient _cluster;

    private LeadClusterClient(PostgresClusterClient cluster) => _cluster = cluster;

    public IClusterClient Grains => _cluster.Grains;

    public static async Task<LeadClusterClient> ConnectAsync(string connectionString, string clusterId) =>
        new(await PostgresClusterClient.ConnectAsync(connectionString, clusterId));

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

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();
}
