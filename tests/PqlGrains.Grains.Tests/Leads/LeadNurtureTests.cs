using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Tests.Leads;

[Collection(LeadClusterCollection.Name)]
public sealed class LeadNurtureTests(LeadClusterFixture cluster)
{
    [Fact]
    public async Task A_lead_routed_to_nurture_gets_a_nurture_webhook_and_no_rep_task_while_a_sales_ready_lead_still_gets_one()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("nurture-pool", TestRouting.Rep("nurture-ae", "80000031"))
            .Replace("  - id: everyone\n", "  - id: warm-nurture\n    match: { tiers: [warm] }\n    action: nurture\n  - id: everyone\n", StringComparison.Ordinal));
        var warmAccount = "warm-" + Guid.NewGuid().ToString("N")[..8];
        var readyAccount = "ready-" + Guid.NewGuid().ToString("N")[..8];

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-warm", warmAccount, "warm", 45));
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-ready", readyAccount, "sales_ready", 85));

        var nurtured = await cluster.WaitForLeadAsync(
            LeadKeys.Account(warmAccount),
            lead => lead.Route == "nurture" && lead.Deliveries.Any(d => d.Kind == DeliveryKind.Webhook && d.State == DeliveryState.Delivered),
            "the nurture webhook");
        var assigned = await cluster.WaitForLeadAsync(LeadKeys.Account(readyAccount), lead => lead.Status == LeadStatus.Assigned, "assignment");
        await cluster.EventuallyAsync(() => cluster.Crm.Tasks.Count(t => LeadClusterFixture.About(t, assigned.LeadId)), count => count == 1, "the sales-ready task");

        Assert.Null(nurtured.AssigneeId);
        Assert.NotEqual(LeadStatus.Assigned, nurtured.Status);
        Assert.DoesNotContain(nurtured.Deliveries, d => d.Kind == DeliveryKind.CreateTask);
        Assert.DoesNotContain(cluster.Crm.Tasks, t => LeadClusterFixture.About(t, nurtured.LeadId));
        Assert.DoesNotContain(cluster.Crm.SlackMessages, m => m.Body.ToJsonString().Contains(nurtured.LeadId, StringComparison.Ordinal));
    }
}
