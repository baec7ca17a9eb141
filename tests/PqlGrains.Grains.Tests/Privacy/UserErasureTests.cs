using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Abstractions.Accounts;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Privacy;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Abstractions.Users;
using PqlGrains.Grains.Ingest;
using PqlGrains.Grains.Privacy;
using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Grains.Tests.Leads;
using PqlGrains.Scoring.Events;
using PqlGrains.Testing.Orleans;
using static PqlGrains.Grains.Tests.Infrastructure.Events;

namespace PqlGrains.Grains.Tests.Privacy;

/// <summary>Erasure through the grains, with leads wired to a fake HubSpot: what is erased, what is kept, what is listed.</summary>
[Collection(LeadClusterCollection.Name)]
public sealed class UserErasureTests(LeadClusterFixture cluster)
{
    // Partition 0 is the stored default of an int: the JSON grain storage serializer omits it (it once read back as -1).
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task Erasure_removes_the_user_their_log_rows_and_membership_redacts_the_lead_and_a_dispatch_still_in_flight_does_not_bring_them_back(int partition)
    {
        var userId = NewUserIdIn(partition);
        var accountId = "acct-" + Guid.NewGuid().ToString("N")[..12];
        await cluster.Ingestor.IngestAsync(
            [Identify(userId, 0, ("email", PropertyValue.From("ada@example.com")), ("name", PropertyValue.From("Ada Lovelace"))), Group(userId, accountId, 0), Track(userId, "billing_page_viewed", minute: 1)],
            CancellationToken.None);
        await DispatchedAsync();
        await Eventually.Get(Account(accountId), account => account?.Users.Any(member => member.UserId == userId) == true, "the account to list the user");
        await cluster.QualifyAsync(LeadClusterFixture.UserReached(userId, accountId, "sales_ready", 80));
        var lead = await cluster.WaitForLeadAsync(LeadKeys.Account(accountId), lead => lead.Deliveries.Any(delivery => delivery.Connector == "hubspot" && delivery.State == DeliveryState.Delivered), "the HubSpot task");
        Assert.Equal("ada@example.com", lead.Context!.ContactEmail);
        var logged = await Log.ReadUserAsync(partition, userId, 0, CancellationToken.None);

        var report = await cluster.GrainFactory.GetGrain<IErasureGrain>(userId).Erase("ticket-4711");

        Assert.True(report.Known);
        Assert.Equal(3, report.EventsDeleted);
        Assert.Equal([accountId], report.AccountIds);
        Assert.Equal([lead.LeadId], report.LeadIds);
        Assert.Contains(report.ExternalRecords, record => record.StartsWith("hubspot:", StringComparison.Ordinal));
        Assert.Equal(UserRef.Of(userId), report.UserRef);
        Assert.Null(await User(userId)());
        Assert.Empty(await Log.ReadUserAsync(partition, userId, 0, CancellationToken.None));
        Assert.DoesNotContain((await Account(accountId)())!.Users, member => member.UserId == userId);
        Assert.DoesNotContain(await cluster.GrainFactory.GetGrain<ITierChangeFeedGrain>(0).GetLatest(500), change => change.SubjectId == userId);

        var kept = (await cluster.GrainFactory.GetGrain<ILeadGrain>(LeadKeys.Account(accountId)).Get(lead.LeadId))!;
        Assert.NotNull(kept.ContactErasedAt);
        Assert.Equal((ContactRedaction.ErasedContact, (string?)null, (string?)null), (kept.Context!.ContactUserId, kept.Context.ContactName, kept.Context.ContactEmail));
        Assert.Equal(accountId, kept.Context.AccountId);
        Assert.DoesNotContain(kept.Activities, activity => activity.Detail.Contains(userId, StringComparison.Ordinal));

        // The partition re-delivers what it logged before the erasure, to a new activation: already erased, so skipped.
        await cluster.GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await cluster.GrainFactory.GetGrain<IUserGrain>(userId).Apply(new UserEventBatch(partition, [.. logged]));
        var revived = await User(userId)();
        Assert.True(revived is null, $"re-delivered sequences {string.Join(",", logged.Select(e => e.Sequence))} in partition {partition} applied over the fence at {report.ErasedThroughSequence}: {revived}");

        var audit = await cluster.GrainFactory.GetGrain<IErasureAuditGrain>(0).Latest(1000);
        var entry = Assert.Single(audit, candidate => candidate.UserRef == report.UserRef);
        Assert.Equal(("ticket-4711", 3, 1), (entry.RequestedBy, entry.EventsDeleted, entry.LeadsRedacted));
        Assert.DoesNotContain(userId, entry.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ada@", entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_accepted_after_the_erasure_are_new_data_and_create_the_user_again_without_the_old_traits()
    {
        var userId = NewUserId();
        await cluster.Ingestor.IngestAsync([Identify(userId, 0, ("email", PropertyValue.From("ada@example.com"))), Track(userId, "billing_page_viewed", minute: 1)], CancellationToken.None);
        await DispatchedAsync();
        await cluster.GrainFactory.GetGrain<IErasureGrain>(userId).Erase("ticket-1");

        await cluster.Ingestor.IngestAsync([Track(userId, "member_invited", minute: 5)], CancellationToken.None);
        await DispatchedAsync();

        var back = await User(userId)();
        Assert.NotNull(back);
        Assert.Equal(1, back.EventsApplied);
        Assert.Null(back.Traits.Email);
    }

    [Fact]
    public async Task Erasing_an_unknown_user_reports_nothing_erased_and_audits_nothing()
    {
        var userId = NewUserId();

        var report = await cluster.GrainFactory.GetGrain<IErasureGrain>(userId).Erase("ticket-2");

        Assert.False(report.Known);
        Assert.DoesNotContain(await cluster.GrainFactory.GetGrain<IErasureAuditGrain>(0).Latest(1000), entry => entry.UserRef == report.UserRef);
    }

    private static string NewUserIdIn(int partition)
    {
        while (true)
        {
            var userId = NewUserId();
            if (PartitionMap.PartitionOf(userId, IngestOptions.DefaultPartitions) == partition)
            {
                return userId;
            }
        }
    }

    private InMemoryEventLog Log => cluster.SiloServices.GetRequiredService<InMemoryEventLog>();

    private Task DispatchedAsync() => IngestDispatch.WaitAsync(cluster.GrainFactory, IngestOptions.DefaultPartitions);

    private Func<Task<UserView?>> User(string userId) => cluster.GrainFactory.GetGrain<IUserGrain>(userId).GetView;

    private Func<Task<AccountView?>> Account(string accountId) => cluster.GrainFactory.GetGrain<IAccountGrain>(accountId).GetView;
}
