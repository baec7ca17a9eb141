using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Tests.Leads;

[Collection(StorageOutageLeadClusterCollection.Name)]
public sealed class LeadPendingRetryTests(StorageOutageLeadClusterFixture cluster) : IDisposable
{
    // The lead grain's two-minute collection age, scaled to the test: many retry delays long, and the outage outlasts it.
    private static readonly TimeSpan CollectionAge = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_tier_change_failing_for_longer_than_the_collection_age_keeps_its_lead_grain_active_and_applies_once_when_the_database_is_back()
    {
        var (account, subject, leadId) = await NewAccountRoutedToAsync("retry-pool", "80000501");
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

    [Fact]
    public async Task Outbox_items_whose_write_failed_are_neither_tried_nor_taken_as_queued_and_the_lead_opens_once_they_are_stored()
    {
        var (account, subject, leadId) = await NewAccountRoutedToAsync("outbox-outage-pool", "80000502");
        // Active before the outage, so its state is read and only its writes fail.
        Assert.Equal(0, await cluster.GrainFactory.GetGrain<ILeadOutboxGrain>(subject).PendingCount());
        cluster.Storage.Fail("outbox");
        var refusedBefore = cluster.Storage.Refused("outbox");

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-outbox-outage", account, "sales_ready", 80));

        // Three refused outbox writes: the lead grain tried to queue its task and alert three times.
        await cluster.EventuallyAsync(() => cluster.Storage.Refused("outbox") - refusedBefore, refused => refused >= 3, "three refused outbox writes");
        Assert.Null(await cluster.GrainFactory.GetGrain<ILeadGrain>(subject).Current());
        Assert.DoesNotContain(cluster.Crm.Tasks, task => LeadClusterFixture.About(task, leadId));

        cluster.Storage.Recover();
        var lead = await cluster.WaitForLeadAsync(subject, lead => lead.Deliveries.Any(d => d.Kind == DeliveryKind.CreateTask && d.State == DeliveryState.Delivered), "the task once the outbox row is back");
        Assert.Equal(leadId, lead.LeadId);
        Assert.Single(cluster.Crm.Tasks, task => LeadClusterFixture.About(task, leadId));
        Assert.Single(lead.Activities, activity => activity.Kind == "opened");
    }

    // A test that fails during its outage must not leave the next one without storage.
    public void Dispose() => cluster.Storage.Recover();

    /// <summary>A new account whose leads are assigned from <paramref name="pool"/>, and the id its first lead takes.</summary>
    private async Task<(string Account, string Subject, string LeadId)> NewAccountRoutedToAsync(string pool, string hubSpotOwner)
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool(pool, TestRouting.Rep(pool + "-ae", hubSpotOwner)));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var subject = LeadKeys.Account(account);
        return (account, subject, LeadKeys.LeadId(subject, 1));
    }
}
