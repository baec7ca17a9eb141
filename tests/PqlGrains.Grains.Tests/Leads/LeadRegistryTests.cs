using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Grains.Leads;

namespace PqlGrains.Grains.Tests.Leads;

[Collection(LeadClusterCollection.Name)]
public sealed class LeadRegistryTests(LeadClusterFixture cluster)
{
    [Fact]
    public async Task Every_one_of_a_burst_of_concurrent_updates_is_stored_when_its_call_returns()
    {
        // A registry of its own: the cluster-wide one ("all") is shared with the other lead tests.
        var registry = cluster.GrainFactory.GetGrain<ILeadRegistryGrain>("burst-" + Guid.NewGuid().ToString("N")[..8]);
        var at = DateTimeOffset.Parse("2026-11-22T10:00:00Z");
        var leads = Enumerable.Range(0, 300)
            .Select(i => new LeadSummary($"lead-{i:000}", i % 3 == 0 ? LeadStatus.Assigned : LeadStatus.Open, "sales_ready", 80 + i % 7, null, at.AddSeconds(i), at.AddSeconds(i), "v1", null, null))
            .ToList();

        await Task.WhenAll(leads.Select(registry.Upsert));
        await Task.WhenAll(registry.RecordConversion(new Conversion("account:acct-1", 1200m, at)), registry.Upsert(leads[0] with { Status = LeadStatus.Contacted }));

        var stored = new GrainState<LeadRegistryState>();
        await cluster.SiloServices.GetRequiredKeyedService<IGrainStorage>(PqlStorageNames.Grains).ReadStateAsync("lead-registry", registry.GetGrainId(), stored);
        Assert.NotNull(stored.State);
        Assert.Equal(leads.Select(lead => lead.LeadId).Order(), stored.State.Leads.Keys.Order());
        Assert.Equal(LeadStatus.Contacted, stored.State.Leads["lead-000"].Status);
        Assert.Single(stored.State.Conversions);
        var page = await registry.List(openOnly: false, 0, 1000);
        Assert.Equal(300, page.Total);
    }
}
