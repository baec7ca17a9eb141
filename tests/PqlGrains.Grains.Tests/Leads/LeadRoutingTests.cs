using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Tests.Leads;

[Collection(LeadClusterCollection.Name)]
public sealed class LeadRoutingTests(LeadClusterFixture cluster)
{
    [Fact]
    public async Task Sales_ready_user_gets_exactly_one_HubSpot_task_for_the_routed_rep_due_at_the_15_minute_SLA_with_context()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("worked-pool", TestRouting.Rep("worked-ae", "80000001")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var before = DateTimeOffset.UtcNow;

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-ana", account, "sales_ready", 80));

        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Status == LeadStatus.Assigned, "assignment");
        var task = await cluster.EventuallyAsync(() => cluster.Crm.Tasks.Where(t => LeadClusterFixture.About(t, lead.LeadId)).ToList(), tasks => tasks.Count == 1, "the HubSpot task");
        Assert.Empty(cluster.Crm.Violations);
        Assert.Equal("worked-ae", lead.AssigneeId);
        Assert.Equal("80000001", task[0].Property("hubspot_owner_id"));
        Assert.Equal("HIGH", task[0].Property("hs_task_priority"));
        var due = DateTimeOffset.Parse(task[0].Property("hs_timestamp")!);
        Assert.InRange(due, before + TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1), DateTimeOffset.UtcNow + TimeSpan.FromMinutes(15));
        Assert.Equal(lead.SlaDeadline!.Value.ToUnixTimeMilliseconds(), due.ToUnixTimeMilliseconds());
        var body = task[0].Property("hs_task_body")!;
        Assert.Contains("80 (sales-ready)", body);
        Assert.Contains("Suggested opening", body);
        Assert.Contains("def-1", body);
        Assert.Equal("def-1", lead.DefinitionVersion);
        Assert.Equal("u-ana", lead.Context!.ContactUserId);
        await cluster.EventuallyAsync(() => cluster.Crm.SlackMessages.Count(m => m.Body.ToJsonString().Contains(lead.LeadId, StringComparison.Ordinal)), count => count == 1, "one Slack alert");
    }

    [Fact]
    public async Task Repeated_tier_changes_from_one_session_open_one_lead_with_one_task()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("repeat-pool", TestRouting.Rep("repeat-ae", "80000002")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var change = LeadClusterFixture.UserReached("u-billing", account, "sales_ready", 80);

        // Three billing visits: the user grain republishes the same crossing (at-least-once delivery).
        await cluster.QualifyAsync(change);
        await cluster.QualifyAsync(change);
        await cluster.QualifyAsync(change with { At = change.At.AddSeconds(30) });

        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Status == LeadStatus.Assigned, "assignment");
        await cluster.EventuallyAsync(() => cluster.Crm.Tasks.Count(t => LeadClusterFixture.About(t, lead.LeadId)), count => count == 1, "the task");
        await Task.Delay(500);
        Assert.Single(cluster.Crm.Tasks, t => LeadClusterFixture.About(t, lead.LeadId));
        Assert.Equal(LeadKeys.LeadId(LeadKeys.Account(account), 1), lead.LeadId);
    }

    [Fact]
    public async Task Member_tier_changes_that_do_not_lift_an_open_lead_keep_one_log_entry_and_leave_its_listing_row_alone()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("quiet-pool", TestRouting.Rep("quiet-ae", "80000003")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-lead", account, "sales_ready", 90));
        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Status == LeadStatus.Assigned, "assignment");
        await cluster.EventuallyAsync(() => cluster.Crm.Tasks.Count(t => LeadClusterFixture.About(t, lead.LeadId)), count => count == 1, "the task");
        var registry = cluster.GrainFactory.GetGrain<ILeadRegistryGrain>(ILeadRegistryGrain.Key);
        var row = (await registry.List(openOnly: true, 0, 10_000)).Leads.Single(summary => summary.LeadId == lead.LeadId);

        // Five colleagues reach lower tiers one after another: nothing about the lead changes.
        for (var member = 0; member < 5; member++)
        {
            await cluster.QualifyAsync(LeadClusterFixture.UserReached($"u-member-{member}", account, "hot", 60 + member));
        }

        var after = await cluster.WaitForLeadAsync(LeadKeys.Account(account), current => current.Activities.Any(a => a.Detail.Contains("u-member-4", StringComparison.Ordinal)), "the last member's signal");
        var signals = after.Activities.Where(activity => activity.Kind == "signal").ToList();
        Assert.Single(signals);
        Assert.Contains("u-member-4", signals[0].Detail);
        Assert.Equal(90, after.Score);
        Assert.Equal(row, (await registry.List(openOnly: true, 0, 10_000)).Leads.Single(summary => summary.LeadId == lead.LeadId));
        Assert.Single(cluster.Crm.Tasks, t => LeadClusterFixture.About(t, lead.LeadId));
    }

    [Fact]
    public async Task Pool_skips_reps_out_of_office_off_shift_or_at_capacity()
    {
        var otherDay = DateTimeOffset.UtcNow.AddDays(3).DayOfWeek.ToString()[..3].ToLowerInvariant();
        await cluster.UseRoutingAsync(TestRouting.SinglePool(
            "skip-pool",
            TestRouting.Rep("skip-ooo", "80000011", extra: "    out_of_office: [{ from: 2000-01-01, to: 2100-12-31 }]"),
            TestRouting.Rep("skip-night", "80000012", workingHours: $"{{ time_zone: UTC, days: [{otherDay}], start: \"00:00\", end: \"23:59\" }}"),
            TestRouting.Rep("skip-full", "80000013", capacity: 1),
            TestRouting.Rep("skip-free", "80000014")));
        var pool = cluster.GrainFactory.GetGrain<IPoolGrain>("skip-pool");
        // Fill skip-full to its capacity of one, then move the round-robin cursor back to the start.
        Assert.Equal("skip-full", (await pool.Assign("seed-1", null)).RepId);
        Assert.Equal("skip-free", (await pool.Assign("seed-2", null)).RepId);
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-skip", account, "sales_ready", 85));

        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Status == LeadStatus.Assigned, "assignment");
        Assert.Equal("skip-free", lead.AssigneeId);
        var assignment = lead.Activities.Last(activity => activity.Kind == "assignment").Detail;
        Assert.Contains("skip-ooo (out of office", assignment);
        Assert.Contains("skip-night (off shift", assignment);
        Assert.Contains("skip-full (at capacity (1 open of 1))", assignment);
        var task = await cluster.EventuallyAsync(() => cluster.Crm.Tasks.Where(t => LeadClusterFixture.About(t, lead.LeadId)).ToList(), tasks => tasks.Count == 1, "the task");
        Assert.Equal("80000014", task[0].Property("hubspot_owner_id"));
    }

    [Fact]
    public async Task Nobody_eligible_queues_the_lead_in_overflow_and_alerts_the_manager()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("overflow-pool", TestRouting.Rep("overflow-ooo", "80000021", extra: "    out_of_office: [{ from: 2000-01-01, to: 2100-12-31 }]")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-over", account, "sales_ready", 90));

        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.OverflowQueue is not null, "overflow");
        Assert.Equal("overflow-pool-overflow", lead.OverflowQueue);
        Assert.Null(lead.AssigneeId);
        await cluster.EventuallyAsync(() => cluster.Crm.SlackMessages.Where(m => m.Body.ToJsonString().Contains(lead.LeadId, StringComparison.Ordinal)).ToList(), messages => messages.Count == 1, "the overflow alert");
        Assert.DoesNotContain(cluster.Crm.Tasks, t => LeadClusterFixture.About(t, lead.LeadId));
    }

    [Fact]
    public async Task Account_with_an_open_lead_gets_a_note_on_its_record_not_a_second_task()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("note-pool", TestRouting.Rep("note-ae", "80000031")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        await cluster.GrainFactory.GetGrain<ILeadGrain>(LeadKeys.Account(account)).LinkCrmRecords(new CrmLinks(HubSpotCompanyId: "company-77"));
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-first", account, "hot", 65));
        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Status == LeadStatus.Assigned, "assignment");
        await LeadClusterFixture.RecordContactAsync(cluster, lead);

        // A second user of the same account crosses a higher tier while the lead is open.
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-second", account, "sales_ready", 95));

        var updated = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Tier == "sales_ready", "re-qualification");
        var note = await cluster.EventuallyAsync(() => cluster.Crm.Notes.Where(n => LeadClusterFixture.About(n, lead.LeadId)).ToList(), notes => notes.Count == 1, "the note");
        Assert.Contains("Re-qualified: tier hot -&gt; sales_ready", note[0].Property("hs_note_body"));
        Assert.Equal("company-77", note[0].Body["associations"]![0]!["to"]!["id"]!.GetValue<string>());
        Assert.Single(cluster.Crm.Tasks, t => LeadClusterFixture.About(t, lead.LeadId));
        Assert.Equal(lead.LeadId, updated.LeadId);
        Assert.Empty(cluster.Crm.Violations);
    }

    [Fact]
    public async Task Sales_led_account_gets_a_note_on_the_existing_record_and_no_task()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("led-pool", TestRouting.Rep("led-ae", "80000041")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        await cluster.GrainFactory.GetGrain<ILeadGrain>(LeadKeys.Account(account)).LinkCrmRecords(new CrmLinks(HubSpotDealId: "deal-5", OpenOpportunity: true));

        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-led", account, "sales_ready", 90));

        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Route == "log_on_record", "the sales-led route");
        Assert.Equal("sales_led", lead.Motion);
        var note = await cluster.EventuallyAsync(() => cluster.Crm.Notes.Where(n => LeadClusterFixture.About(n, lead.LeadId)).ToList(), notes => notes.Count == 1, "the note");
        Assert.Equal("deal-5", note[0].Body["associations"]![0]!["to"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(cluster.Crm.Tasks, t => LeadClusterFixture.About(t, lead.LeadId));
    }
}
