using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Grains.Delivery;

namespace PqlGrains.Grains.Tests.Leads;

[Collection(LeadClusterCollection.Name)]
public sealed class LeadOutboxTests(LeadClusterFixture cluster)
{
    [Fact]
    public async Task CRM_outage_with_500s_and_429s_delays_the_task_and_delivers_it_exactly_once()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("outage-pool", TestRouting.Rep("outage-ae", "80000401")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var failedBefore = cluster.Crm.FailedAnswers;
        cluster.Crm.FailNextTaskCreates(3, HttpStatusCode.InternalServerError);
        cluster.Crm.FailNextTaskCreates(2, HttpStatusCode.TooManyRequests);

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-outage", account, "sales_ready", 80));

        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Deliveries.Any(d => d.Kind == DeliveryKind.CreateTask && d.State == DeliveryState.Delivered), "the task delivery");
        Assert.Equal(5, cluster.Crm.FailedAnswers - failedBefore);
        var task = Assert.Single(cluster.Crm.Tasks, t => LeadClusterFixture.About(t, lead.LeadId));
        Assert.Equal(task.CreatedId, lead.Deliveries.Single(d => d.Kind == DeliveryKind.CreateTask).ExternalId);
        Assert.Equal(lead.LeadId, await cluster.GrainFactory.GetGrain<ICrmTaskIndexGrain>($"hubspot:{task.CreatedId}").LeadId());
        Assert.Equal(0, await cluster.GrainFactory.GetGrain<ILeadOutboxGrain>(lead.Subject).PendingCount());
    }

    [Fact]
    public async Task Permanent_CRM_error_is_dead_lettered_with_a_reason_an_operator_can_act_on()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("dead-pool", TestRouting.Rep("dead-ae", "")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-dead", account, "sales_ready", 80));

        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Deliveries.Any(d => d.State == DeliveryState.DeadLettered), "the dead letter");
        var dead = lead.Deliveries.Single(d => d.State == DeliveryState.DeadLettered);
        Assert.Equal(DeliveryKind.CreateTask, dead.Kind);
        Assert.Contains("crm_owner_ids.hubspot", dead.Reason);
        var letters = await cluster.GrainFactory.GetGrain<ILeadRegistryGrain>(ILeadRegistryGrain.Key).DeadLetters(0, 100);
        Assert.Contains(letters, letter => letter.LeadId == lead.LeadId && letter.Delivery.Connector == "hubspot");
    }

    [Fact]
    public async Task Outbox_that_emptied_deactivates_and_still_delivers_a_later_item()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("idle-pool", TestRouting.Rep("idle-ae", "80000402")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var subject = LeadKeys.Account(account);
        await cluster.GrainFactory.GetGrain<ILeadGrain>(subject).LinkCrmRecords(new CrmLinks(HubSpotCompanyId: "company-88"));
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-idle-first", account, "hot", 65));
        var lead = await cluster.WaitForLeadAsync(subject, lead => lead.Deliveries.Any(d => d.Kind == DeliveryKind.CreateTask && d.State == DeliveryState.Delivered), "the task delivery");
        await LeadClusterFixture.RecordContactAsync(cluster, lead);

        await WaitUntilOutboxDeactivatedAsync(subject);
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-idle-second", account, "sales_ready", 95));

        var notes = await cluster.EventuallyAsync(() => cluster.Crm.Notes.Where(n => LeadClusterFixture.About(n, lead.LeadId)).ToList(), notes => notes.Count == 1, "the note from the reactivated outbox");
        Assert.Contains("Re-qualified", notes[0].Property("hs_note_body"));
        Assert.Single(cluster.Crm.Tasks, t => LeadClusterFixture.About(t, lead.LeadId));
        Assert.Equal(0, await cluster.GrainFactory.GetGrain<ILeadOutboxGrain>(subject).PendingCount());
    }

    private async Task WaitUntilOutboxDeactivatedAsync(string subject)
    {
        var outbox = GrainId.Create(cluster.SiloServices.GetRequiredService<GrainTypeResolver>().GetGrainType(typeof(LeadOutboxGrain)), subject);
        var management = cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await management.GetActiveGrains(outbox.Type)).Contains(outbox))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the outbox {subject} is still active 30 s after its last delivery");
            await Task.Delay(50);
        }
    }
}
