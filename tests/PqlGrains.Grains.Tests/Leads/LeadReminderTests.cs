using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Tests.Leads;

[Collection(LeadClusterCollection.Name)]
public sealed class LeadReminderTests(LeadClusterFixture cluster)
{
    [Fact]
    public async Task A_requalification_that_leaves_the_deadline_as_it_was_does_not_write_the_reminder_again()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("rearm-pool", TestRouting.Rep("rearm-ae", "80000041")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        // sales_ready keeps the production 15 min SLA: the deadline stays put for the whole test.
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-rearm", account, "sales_ready", 90));
        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Status == LeadStatus.Assigned, "assignment");
        var armed = await ReadDeadlineReminderAsync(lead.Subject);

        // Another member at a higher score: one user repeating its tier is deduplicated before it reaches the lead.
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-rearm-2", account, "sales_ready", 95));
        var requalified = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Score == 95, "re-qualification");
        Assert.Equal(lead.SlaDeadline, requalified.SlaDeadline);

        var after = await ReadDeadlineReminderAsync(lead.Subject);
        Assert.Equal(armed.ETag, after.ETag);
        Assert.Equal(armed.StartAt, after.StartAt);
    }

    [Fact]
    public async Task A_converted_lead_removes_its_reminder()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("close-pool", TestRouting.Rep("close-ae", "80000042")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        await cluster.QualifyAsync(LeadClusterFixture.UserReached("u-close", account, "hot", 65));
        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Status == LeadStatus.Assigned, "assignment");
        await ReadDeadlineReminderAsync(lead.Subject);

        await cluster.GrainFactory.GetGrain<ILeadGrain>(lead.Subject).RecordConversion(12_000m, DateTimeOffset.UtcNow);
        Assert.Null(await cluster.GrainFactory.GetGrain<ILeadGrain>(lead.Subject).Current());

        var table = cluster.SiloServices.GetRequiredService<IReminderTable>();
        Assert.Null(await table.ReadRow(cluster.GrainFactory.GetGrain<ILeadGrain>(lead.Subject).GetGrainId(), "lead-deadline"));
    }

    private async Task<ReminderEntry> ReadDeadlineReminderAsync(string subject)
    {
        var table = cluster.SiloServices.GetRequiredService<IReminderTable>();
        var entry = await table.ReadRow(cluster.GrainFactory.GetGrain<ILeadGrain>(subject).GetGrainId(), "lead-deadline");
        Assert.NotNull(entry);
        return entry;
    }
}
