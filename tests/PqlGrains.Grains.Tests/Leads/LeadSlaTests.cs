using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Tests.Leads;

/// <summary>The hot tier's SLA is seconds here (<see cref="SlaLeadClusterFixture"/>), so misses happen while the test watches.</summary>
[Collection(SlaLeadClusterCollection.Name)]
public sealed class LeadSlaTests(SlaLeadClusterFixture cluster)
{
    [Fact]
    public async Task Missed_SLA_requeues_to_another_rep_with_a_new_task_and_the_second_miss_escalates_to_the_manager()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("sla-pool", TestRouting.Rep("sla-a", "80000101"), TestRouting.Rep("sla-b", "80000102")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var subject = LeadKeys.Account(account);

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-sla", account, "hot", 70));

        var first = await cluster.WaitForLeadAsync(subject, lead => lead.Status == LeadStatus.Assigned, "assignment");
        var requeued = await cluster.WaitForLeadAsync(subject, lead => lead.SlaMisses == 1, "the first SLA miss");
        Assert.NotEqual(first.AssigneeId, requeued.AssigneeId);
        Assert.Equal([first.AssigneeId!], requeued.PreviousAssignees);
        var tasks = await cluster.EventuallyAsync(() => cluster.Crm.Tasks.Where(t => LeadClusterFixture.About(t, first.LeadId)).ToList(), found => found.Count >= 2, "the re-queued task");
        Assert.Equal(first.AssigneeId == "sla-a" ? "80000101" : "80000102", tasks[0].Property("hubspot_owner_id"));
        Assert.Equal(first.AssigneeId == "sla-a" ? "80000102" : "80000101", tasks[1].Property("hubspot_owner_id"));
        await cluster.EventuallyAsync(() => cluster.Crm.CompletedTasks.Where(p => p.CreatedId == tasks[0].CreatedId).ToList(), done => done.Count == 1, "the old task marked completed");

        var escalated = await cluster.WaitForLeadAsync(subject, lead => lead.Escalated, "escalation after the second miss");
        Assert.Equal("mgr", escalated.AssigneeId);
        Assert.Equal(2, escalated.SlaMisses);
        var managerTasks = await cluster.EventuallyAsync(() => cluster.Crm.Tasks.Where(t => LeadClusterFixture.About(t, first.LeadId)).ToList(), found => found.Count == 3, "the manager's task");
        Assert.Equal(TestRouting.ManagerHubSpotId, managerTasks[2].Property("hubspot_owner_id"));
        await cluster.EventuallyAsync(
            () => cluster.Crm.SlackMessages.Count(m => m.Body.ToJsonString().Contains(first.LeadId, StringComparison.Ordinal)),
            count => count == 3,
            "new-lead, re-queue and escalation alerts");
        Assert.Empty(cluster.Crm.Violations);
    }

    [Fact]
    public async Task Contact_within_the_SLA_stops_the_requeue()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("contact-pool", TestRouting.Rep("contact-a", "80000201"), TestRouting.Rep("contact-b", "80000202")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var subject = LeadKeys.Account(account);
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-contact", account, "hot", 70));
        var lead = await cluster.WaitForLeadAsync(subject, lead => lead.Status == LeadStatus.Assigned, "assignment");

        await LeadClusterFixture.RecordContactAsync(cluster, lead);
        await Task.Delay(SlaLeadClusterFixture.ShortHotSla * 2);

        var after = await cluster.GrainFactory.GetGrain<ILeadGrain>(subject).Current();
        Assert.Equal(LeadStatus.Contacted, after!.Status);
        Assert.Equal(0, after.SlaMisses);
        Assert.Equal(lead.AssigneeId, after.AssigneeId);
        Assert.Single(cluster.Crm.Tasks, t => LeadClusterFixture.About(t, lead.LeadId));
        Assert.Equal(0, (await cluster.GrainFactory.GetGrain<IPoolGrain>("contact-pool").Workload()).GetValueOrDefault(lead.AssigneeId!));
    }

    [Fact]
    public async Task Too_early_feedback_closes_the_lead_and_holds_back_a_new_one_until_the_score_rises_by_the_margin()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("early-pool", TestRouting.Rep("early-a", "80000301")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var subject = LeadKeys.Account(account);
        var grain = cluster.GrainFactory.GetGrain<ILeadGrain>(subject);
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-early", account, "sales_ready", 80));
        var lead = await cluster.WaitForLeadAsync(subject, lead => lead.Status == LeadStatus.Assigned, "assignment");

        var closed = await grain.RecordFeedback(lead.LeadId, new LeadFeedback(LeadFeedbackKind.TooEarly, "budget next quarter", DateTimeOffset.UtcNow));
        Assert.Equal(LeadStatus.Disqualified, closed.Lead!.Status);
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-early", account, "hot", 60) with { At = DateTimeOffset.UtcNow });
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-early", account, "sales_ready", 90) with { At = DateTimeOffset.UtcNow });
        await Task.Delay(1000);
        Assert.Null(await grain.Current());

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-early", account, "sales_ready", 101, definition: "def-2"));

        var reopened = await cluster.WaitForLeadAsync(subject, lead => lead.Status == LeadStatus.Assigned, "a new lead past the margin");
        Assert.Equal(LeadKeys.LeadId(subject, 2), reopened.LeadId);
        Assert.Equal("def-2", reopened.DefinitionVersion);
    }
}
