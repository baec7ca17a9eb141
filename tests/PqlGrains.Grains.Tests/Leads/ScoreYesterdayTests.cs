using PqlGrains.Abstractions.Accounts;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Grains.Accounts;
using PqlGrains.Grains.Scoring;
using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Grains.Users;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Leads;

/// <summary>
/// A day cannot pass in a test, so the subject's stored score history is seeded with a score recorded 24 hours and
/// 10 minutes ago before its grain first activates; everything after that runs through the cluster.
/// </summary>
[Collection(LeadClusterCollection.Name)]
public sealed class ScoreYesterdayTests(LeadClusterFixture cluster)
{
    private static readonly TimeSpan DayAndABitAgo = -TimeSpan.FromHours(24) - TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Task_body_and_Slack_alert_carry_the_score_the_user_had_24_hours_earlier()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("yesterday-pool", TestRouting.Rep("yesterday-ae", "80000801")));
        var account = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var userId = Events.NewUserId();
        await cluster.SeedStateAsync("user", "user", userId, new UserCheckpoint { Recent = new UserRecentActivity { History = HistoryOf(30) } });

        // Today: a billing visit and an invite make the user sales-ready (50 + 30).
        var now = DateTimeOffset.UtcNow;
        await cluster.Ingestor.IngestAsync(
            [Track(userId, account, "user.billing_page_viewed", now), Track(userId, account, "team.member_invited", now.AddSeconds(1))],
            CancellationToken.None);

        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(account), lead => lead.Status == LeadStatus.Assigned, "the sales-ready lead");
        Assert.Equal(30, lead.Context!.ScoreYesterday);
        var task = await cluster.EventuallyAsync(() => cluster.Crm.Tasks.Where(t => LeadClusterFixture.About(t, lead.LeadId)).ToList(), tasks => tasks.Count == 1, "the HubSpot task");
        Assert.Contains("(sales-ready), yesterday 30 (+", task[0].Property("hs_task_body"));
        var alert = await cluster.EventuallyAsync(() => cluster.Crm.SlackMessages.Where(m => m.Body.ToJsonString().Contains(lead.LeadId, StringComparison.Ordinal)).ToList(), alerts => alerts.Count == 1, "the Slack alert");
        Assert.Contains("(sales-ready), yesterday 30", alert[0].Body.ToJsonString());
    }

    [Fact]
    public async Task Account_lead_carries_the_roll_up_score_the_account_had_24_hours_earlier()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("yesterday-account-pool", TestRouting.Rep("yesterday-account-ae", "80000802")));
        var accountId = "acme-" + Guid.NewGuid().ToString("N")[..8];
        await cluster.SeedStateAsync("account", "account", accountId, new AccountCheckpoint { History = HistoryOf(20) });

        await cluster.GrainFactory.GetGrain<IAccountGrain>(accountId).ReportMember(
            new AccountMemberReport("u-yesterday", 85, "sales_ready", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "y@acme.example", 0, []));

        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(accountId), lead => lead.Status == LeadStatus.Assigned, "the account's lead");
        Assert.Equal(20, lead.Context!.ScoreYesterday);
        var task = await cluster.EventuallyAsync(() => cluster.Crm.Tasks.Where(t => LeadClusterFixture.About(t, lead.LeadId)).ToList(), tasks => tasks.Count == 1, "the HubSpot task");
        Assert.Contains(", yesterday 20 (+", task[0].Property("hs_task_body"));
    }

    private static ScoreHistory HistoryOf(double score)
    {
        var history = new ScoreHistory();
        history.Record(DateTimeOffset.UtcNow + DayAndABitAgo, score);
        return history;
    }

    private static ScoringEvent Track(string userId, string account, string name, DateTimeOffset at) =>
        new(Guid.NewGuid().ToString("N"), userId, EventType.Track, name, at, EventProperties.Empty, account);
}
