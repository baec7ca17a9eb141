using PqlGrains.Abstractions.Accounts;
using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Tests.Leads;

/// <summary>Accounts here settle every hour (<see cref="LeadClusterFixture.AccountSettleDelay"/>); tests finish in seconds.</summary>
[Collection(LeadClusterCollection.Name)]
public sealed class AccountRiseTests(LeadClusterFixture cluster)
{
    [Fact]
    public async Task Account_rising_to_a_higher_tier_opens_its_lead_without_waiting_for_the_settle_window()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("rise-pool", TestRouting.Rep("rise-ae", "80000701")));
        var accountId = "acme-" + Guid.NewGuid().ToString("N")[..8];
        var account = cluster.GrainFactory.GetGrain<IAccountGrain>(accountId);

        // The roll-up (sum of the top users) is below every tier after the first report and sales-ready after the second.
        await account.ReportMember(Member("u-rise-1", 35));
        Assert.Null(await cluster.GrainFactory.GetGrain<ILeadGrain>(LeadKeys.Account(accountId)).Current());
        await account.ReportMember(Member("u-rise-2", 50));

        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(accountId), lead => lead.Status == LeadStatus.Assigned, "the account's lead");
        Assert.Equal("sales_ready", lead.Tier);
        Assert.InRange(lead.Score, 84, 85);
        Assert.Contains(lead.Activities, activity => activity.Kind == "opened" && activity.Detail.StartsWith($"account {accountId} reached sales_ready", StringComparison.Ordinal));
        Assert.Equal("rise-ae", lead.AssigneeId);
    }

    private static AccountMemberReport Member(string userId, double score) =>
        new(userId, score, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, $"{userId}@acme.example", 0, []);
}
