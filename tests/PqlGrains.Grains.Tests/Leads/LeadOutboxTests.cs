using System.Net;
using PqlGrains.Abstractions.Leads;

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
}
