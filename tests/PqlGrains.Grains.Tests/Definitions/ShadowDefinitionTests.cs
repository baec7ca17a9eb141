using PqlGrains.Abstractions.Accounts;
using PqlGrains.Abstractions.Definitions;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Grains.Tests.Leads;
using static PqlGrains.Grains.Tests.Infrastructure.Events;

namespace PqlGrains.Grains.Tests.Definitions;

[Collection(DefinitionClusterCollection.Name)]
public sealed class ShadowDefinitionTests(DefinitionClusterFixture cluster)
{
    [Fact]
    public async Task A_shadow_with_a_lower_bar_records_would_be_leads_the_active_version_does_not_create_and_sends_no_CRM_request()
    {
        await cluster.UseRoutingAsync(TestRouting.SinglePool("shadow-pool", TestRouting.Rep("shadow-ae", "80000077")));
        await cluster.ActivateAsync(ClusterDefinitions.Base);
        Assert.NotEqual(DefinitionOutcome.Invalid, (await cluster.Registry.Submit(ClusterDefinitions.LowBar, "low.yaml", "tests")).Outcome);
        Assert.Equal(DefinitionOutcome.Changed, (await cluster.Registry.StartShadow("c3-low", "ana@revops")).Outcome);
        try
        {
            // 15 points: nothing under the active bar (40), warm under the shadow's (10).
            var browsing = NewUserId();
            // 80 points (a hair less after decay): hot under the active version, sales_ready under the shadow.
            var buying = NewUserId();
            await cluster.IngestAsync(
                Track(browsing, "feature_activated", minute: 1),
                Track(buying, "billing_page_viewed", minute: 1),
                Track(buying, "member_invited", minute: 2));
            await cluster.DispatchedAsync();
            await cluster.UserAsync(browsing);
            await cluster.UserAsync(buying);

            var ledger = cluster.GrainFactory.GetGrain<IShadowLedgerGrain>("c3-low");
            var report = await Eventually.Get(ledger.Report, r => r.ShadowLeads == 2 && r.ActiveLeads == 1, "the shadow ledger to hold both users and the active lead");
            Assert.Equal(1, report.Overlap);
            Assert.Contains(report.RecentShadowLeads, lead => lead.SubjectId == browsing && lead.Tier == "warm" && lead.DefinitionVersion == "c3-low");
            Assert.Equal(["c1"], report.ActiveVersions);

            // The active version routed its lead to HubSpot; the shadow's would-be lead reached no lead grain and no CRM.
            var activeLead = await WaitForLeadAsync(LeadKeys.User(buying));
            await Eventually.Get(() => Task.FromResult(cluster.Crm.Tasks.Count(task => LeadClusterFixture.About(task, activeLead.LeadId))), count => count == 1, "the active lead's HubSpot task");
            Assert.Null(await cluster.GrainFactory.GetGrain<ILeadGrain>(LeadKeys.User(browsing)).Current());
            Assert.DoesNotContain(cluster.Crm.Requests, request => Mentions(request, browsing) || LeadClusterFixture.About(request, LeadKeys.LeadId(LeadKeys.User(browsing), 1)));
            Assert.DoesNotContain(cluster.TierChanges.Changes, change => change.SubjectId == browsing);

            await cluster.GrainFactory.GetGrain<ILeadGrain>(LeadKeys.User(buying)).RecordConversion(990m, DateTimeOffset.UtcNow);
            var converted = await ledger.Report();
            Assert.Equal((1, 1, 1), (converted.ShadowConverted, converted.ActiveConverted, converted.OverlapConverted));
        }
        finally
        {
            await cluster.Registry.StopShadow("c3-low", "tests");
        }
    }

    [Fact]
    public async Task A_shadow_started_after_the_events_takes_their_tier_as_baseline_and_records_only_later_crossings()
    {
        await cluster.ActivateAsync(ClusterDefinitions.Base);
        var userId = NewUserId();
        await cluster.IngestAsync(Track(userId, "feature_activated", minute: 1));
        await cluster.DispatchedAsync();
        await cluster.UserAsync(userId);
        await cluster.Registry.Submit(ClusterDefinitions.LowBar, "low.yaml", "tests");
        await cluster.Registry.StartShadow("c3-low", "tests");
        try
        {
            await cluster.IngestAsync(Track(userId, "member_invited", minute: 2));
            await cluster.DispatchedAsync();
            await cluster.UserAsync(userId);

            var ledger = cluster.GrainFactory.GetGrain<IShadowLedgerGrain>("c3-low");
            var report = await Eventually.Get(ledger.Report, r => r.RecentShadowLeads.Any(lead => lead.SubjectId == userId), "the shadow's crossing");
            var lead = Assert.Single(report.RecentShadowLeads, lead => lead.SubjectId == userId);
            Assert.Equal("sales_ready", lead.Tier);
        }
        finally
        {
            await cluster.Registry.StopShadow("c3-low", "tests");
        }
    }

    [Fact]
    public async Task A_shadow_records_an_account_level_would_be_lead_from_its_members_shadow_scores_that_the_active_version_does_not_create()
    {
        await cluster.ActivateAsync(ClusterDefinitions.Base);
        // Features worth 25 instead of 15: each member stays below every tier under both versions, but the account
        // rolls its two members up to 50 under the shadow (warm from 40) and to 30 under the active version (no tier).
        var richerFeatures = ClusterDefinitions.Base
            .Replace("version: \"c1\"", "version: \"c4-features\"", StringComparison.Ordinal)
            .Replace("points: 15", "points: 25", StringComparison.Ordinal);
        Assert.NotEqual(DefinitionOutcome.Invalid, (await cluster.Registry.Submit(richerFeatures, "features.yaml", "tests")).Outcome);
        Assert.Equal(DefinitionOutcome.Changed, (await cluster.Registry.StartShadow("c4-features", "tests")).Outcome);
        try
        {
            var accountId = "acct-" + Guid.NewGuid().ToString("N")[..10];
            var (first, second) = (NewUserId(), NewUserId());
            await cluster.IngestAsync(
                Track(first, "feature_activated", minute: 1, groupId: accountId),
                Track(second, "feature_activated", minute: 2, groupId: accountId));
            await cluster.DispatchedAsync();

            var ledger = cluster.GrainFactory.GetGrain<IShadowLedgerGrain>("c4-features");
            var report = await Eventually.Get(ledger.Report, r => r.RecentShadowLeads.Any(lead => lead.SubjectId == accountId), "the account's shadow crossing");
            var lead = Assert.Single(report.RecentShadowLeads, lead => lead.Subject == LeadKeys.Account(accountId));
            Assert.Equal((SubjectKind.Account, "warm", "c4-features"), (lead.Kind, lead.Tier, lead.DefinitionVersion));
            Assert.InRange(lead.Score, 40, 50);
            Assert.DoesNotContain(report.RecentShadowLeads, would => would.SubjectId == first || would.SubjectId == second);

            var account = await cluster.GrainFactory.GetGrain<IAccountGrain>(accountId).GetView();
            Assert.Null(account!.Score.Tier);
            Assert.Null(await cluster.GrainFactory.GetGrain<ILeadGrain>(LeadKeys.Account(accountId)).Current());
            Assert.DoesNotContain(cluster.TierChanges.Changes, change => change.SubjectId == accountId || change.AccountId == accountId);
            Assert.DoesNotContain(cluster.Crm.Requests, request => Mentions(request, accountId));
        }
        finally
        {
            await cluster.Registry.StopShadow("c4-features", "tests");
        }
    }

    private async Task<Lead> WaitForLeadAsync(string subject) =>
        (await Eventually.Get(() => cluster.GrainFactory.GetGrain<ILeadGrain>(subject).Current(), lead => lead is not null, $"a lead for {subject}"))!;

    private static bool Mentions(Testing.Fakes.RecordedRequest request, string text) =>
        request.Body.ToJsonString().Contains(text, StringComparison.Ordinal);
}
