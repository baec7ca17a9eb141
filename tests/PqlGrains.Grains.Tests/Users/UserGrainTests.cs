using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Abstractions.Users;
using PqlGrains.Grains.Qualification;
using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Scoring.Events;
using static PqlGrains.Grains.Tests.Infrastructure.Events;

namespace PqlGrains.Grains.Tests.Users;

[Collection(IngestClusterCollection.Name)]
public sealed class UserGrainTests(IngestClusterFixture fixture)
{
    [Fact]
    public async Task The_same_messageId_twice_changes_nothing()
    {
        var userId = NewUserId();
        var once = Track(userId, "billing_page_viewed", messageId: "retry-" + userId);
        await fixture.Ingestor.IngestAsync([once], CancellationToken.None);
        await fixture.Ingestor.IngestAsync([once with { }], CancellationToken.None);
        await fixture.DispatchedAsync();

        var user = await fixture.UserAsync(userId);
        Pipeline.AssertScoredAsEngine(user, [once]);
        Assert.Equal(1, user!.EventsApplied);
    }

    [Fact]
    public async Task Out_of_order_events_give_the_same_score_and_last_event_time()
    {
        var inOrder = NewUserId();
        var reversed = NewUserId();
        ScoringEvent[] Events(string userId) => [Track(userId, "feature_activated", $"{userId}-1", 1), Track(userId, "member_invited", $"{userId}-2", 2), Track(userId, "billing_page_viewed", $"{userId}-3", 3)];

        await fixture.Ingestor.IngestAsync(Events(inOrder), CancellationToken.None);
        foreach (var scoringEvent in Events(reversed).Reverse())
        {
            await fixture.Ingestor.IngestAsync([scoringEvent], CancellationToken.None);
        }

        await fixture.DispatchedAsync();
        var a = await fixture.UserAsync(inOrder);
        var b = await fixture.UserAsync(reversed);
        Pipeline.AssertScoredAsEngine(a, Events(inOrder));
        Pipeline.AssertScoredAsEngine(b, Events(reversed));
        Assert.Equal(a!.LastEventAt, b!.LastEventAt);
        Assert.Equal(a.Score.Breakdown.Select(s => (s.Signal, s.Category)), b.Score.Breakdown.Select(s => (s.Signal, s.Category)));
    }

    [Fact]
    public async Task Activation_replays_the_log_past_the_checkpoint_and_rebuilds_the_same_score()
    {
        var userId = NewUserId();
        var grain = fixture.Grains.GetGrain<IUserGrain>(userId);
        ScoringEvent[] dispatched = [Track(userId, "feature_activated"), Track(userId, "member_invited")];
        await fixture.Ingestor.IngestAsync(dispatched, CancellationToken.None);
        await fixture.DispatchedAsync();
        Pipeline.AssertScoredAsEngine(await grain.GetView(), dispatched);
        await fixture.Cluster.DeactivateAsync(grain);

        // Logged, then the partition died before dispatching it: only the user's replay can bring it in now.
        var partition = Pipeline.PartitionOf(userId);
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IIngestPartitionGrain>(partition));
        var replayed = Track(userId, "feature_activated", minute: 5);
        await fixture.Log.AppendAsync(partition, await fixture.Log.GetLastSequenceAsync(partition, CancellationToken.None) + 1, [replayed], CancellationToken.None);

        var after = await grain.GetView();
        Pipeline.AssertScoredAsEngine(after, [.. dispatched, replayed]);
        Assert.Equal(3, after!.EventsApplied);
    }

    [Fact]
    public async Task A_user_never_seen_reads_as_unknown()
    {
        Assert.Null(await fixture.UserAsync(NewUserId()));
    }

    [Fact]
    public async Task Identify_traits_merge_and_an_older_identify_never_overwrites_a_newer_one()
    {
        var userId = NewUserId();
        await fixture.Ingestor.IngestAsync(
            [
                Identify(userId, 10, ("email", PropertyValue.From("new@acme.io")), ("plan", PropertyValue.From("pro"))),
                Identify(userId, 5, ("email", PropertyValue.From("old@acme.io")), ("name", PropertyValue.From("Ada Lovelace")), ("createdAt", PropertyValue.From("2026-10-01T00:00:00Z"))),
            ],
            CancellationToken.None);
        await fixture.DispatchedAsync();

        var traits = (await fixture.UserAsync(userId))!.Traits;
        Assert.Equal("new@acme.io", traits.Email);
        Assert.Equal("pro", traits.Plan);
        Assert.Equal("Ada Lovelace", traits.Name);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), traits.CreatedAt);
    }

    [Fact]
    public async Task Crossing_a_tier_publishes_one_tier_change_per_crossing()
    {
        var userId = NewUserId();
        await fixture.Ingestor.IngestAsync([Track(userId, "billing_page_viewed")], CancellationToken.None);
        await fixture.DispatchedAsync();
        await Eventually.Get(() => Task.FromResult(ChangesOf(userId).Count), count => count == 1, "the first tier change");
        await fixture.Ingestor.IngestAsync([Track(userId, "member_invited"), Track(userId, "feature_activated", minute: 1)], CancellationToken.None);
        await fixture.DispatchedAsync();

        var changes = await Eventually.Get(() => Task.FromResult(ChangesOf(userId)), list => list.Count >= 2, "the second tier change");
        Assert.Collection(
            changes,
            first => Assert.Equal((SubjectKind.User, (string?)null, (string?)"warm"), (first.Kind, first.OldTier, first.NewTier)),
            second => Assert.Equal(("warm", "sales_ready", "t1"), (second.OldTier, second.NewTier, second.DefinitionVersion)));
        var feed = await Eventually.Get(
            () => fixture.Grains.GetGrain<ITierChangeFeedGrain>(0).GetLatest(TierChangeFeedGrain.Capacity),
            latest => latest.Count(c => c.SubjectId == userId) == 2,
            "both changes in the default tier change feed");
        Assert.Equal(["sales_ready", "warm"], feed.Where(c => c.SubjectId == userId).Select(c => c.NewTier));
    }

    private List<TierChanged> ChangesOf(string userId) => [.. fixture.TierChanges.Changes.Where(c => c.SubjectId == userId)];
}
