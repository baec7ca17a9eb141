using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Tests.Leads;

[Collection(StorageOutageLeadClusterCollection.Name)]
public sealed class LeadPendingRetryTests(StorageOutageLeadClusterFixture cluster)
{
    // The lead grain's two-minute collection age, scaled to the test: many retry delays long, and the outage outlasts it.
    private static readonly TimeSpan CollectionAge = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_tier_change_failing_for_longer_than_the_collection_age_keeps_its_lead_grain_active_and_applies_once_when_the_database_is_back()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("retry-pool", TestRouting.Rep("retry-ae", "80000501")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var subject = LeadKeys.Account(account);
        var leadId = LeadKeys.LeadId(subject, 1);
        var management = cluster.GrainFactory.GetGrain<IManagementGrain>(0);

        // The routing grain loads its document when it activates: with its row unreachable, no lead can open.
        cluster.Storage.Fail("routing");
        await management.ForceActivationCollection(TimeSpan.Zero);
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-retry", account, "sales_ready", 80));

        // Nothing calls the lead grain from here on: only its own retries could keep it from counting as idle.
        await Task.Delay(CollectionAge * 2);
        await management.ForceActivationCollection(CollectionAge);
        cluster.Storage.Recover();

        // Seen in the CRM, not by asking the lead grain: that call would reactivate a collected grain and retry for it.
        var tasks = await cluster.EventuallyAsync(
            () => cluster.Crm.Tasks.Where(task => LeadClusterFixture.About(task, leadId)).ToList(),
            found => found.Count > 0,
            "the lead's HubSpot task once the routing row is back");
        Assert.Single(tasks);
        var lead = await cluster.GrainFactory.GetGrain<ILeadGrain>(subject).Current();
        Assert.NotNull(lead);
        Assert.Equal(leadId, lead.LeadId);
        Assert.Single(lead.Activities, activity => activity.Kind == "opened");
    }
}
