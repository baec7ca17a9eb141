using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Users;
using PqlGrains.Grains.Tests.Infrastructure;
using static PqlGrains.Grains.Tests.Infrastructure.Events;

namespace PqlGrains.Grains.Tests.Ingest;

[Collection(IngestClusterCollection.Name)]
public sealed class IngestPipelineTests(IngestClusterFixture fixture)
{
    [Fact]
    public async Task Acknowledged_events_are_in_the_log_before_dispatch_and_reach_the_user_score()
    {
        var userId = NewUserId();
        await fixture.Ingestor.IngestAsync([Track(userId, "billing_page_viewed"), Track(userId, "feature_activated")], CancellationToken.None);

        var logged = await fixture.Log.ReadUserAsync(Pipeline.PartitionOf(userId), userId, 0, CancellationToken.None);
        Assert.Equal(2, logged.Count);
        Assert.Equal(logged[0].Sequence + 1, logged[1].Sequence);

        await fixture.DispatchedAsync();
        var user = await fixture.UserAsync(userId);
        Assert.NotNull(user);
        Assert.Equal(65, user.Score.Score);
        Assert.Equal("hot", user.Score.Tier);
        Assert.Equal(2, user.EventsApplied);
    }

    [Fact]
    public async Task A_batch_spanning_partitions_is_split_and_every_user_gets_only_its_events()
    {
        var users = Enumerable.Range(0, 40).Select(_ => NewUserId()).ToArray();
        Assert.True(users.Select(Pipeline.PartitionOf).Distinct().Count() > 1);

        await fixture.Ingestor.IngestAsync(users.SelectMany(u => new[] { Track(u, "member_invited"), Track(u, "feature_activated") }).ToArray(), CancellationToken.None);
        await fixture.DispatchedAsync();

        foreach (var userId in users)
        {
            var user = await fixture.UserAsync(userId);
            Assert.Equal(45, user!.Score.Score);
        }
    }

    [Fact]
    public async Task Concurrent_appends_to_one_partition_get_contiguous_sequences()
    {
        var userId = NewUserId();
        var partition = Pipeline.PartitionOf(userId);
        var before = await fixture.Log.GetLastSequenceAsync(partition, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => fixture.Ingestor.IngestAsync([Track(userId, "feature_activated", minute: i)], CancellationToken.None)));

        var logged = await fixture.Log.ReadPartitionAsync(partition, before, 1000, CancellationToken.None);
        var mine = logged.Where(e => e.Event.UserId == userId).ToList();
        Assert.Equal(50, mine.Count);
        Assert.Equal(logged.Select(e => e.Sequence), Enumerable.Range(0, logged.Count).Select(i => before + 1 + i));
        await fixture.DispatchedAsync();
        Assert.Equal(50 * 15, (await fixture.UserAsync(userId))!.Score.Score);
    }

    [Fact]
    public async Task A_partition_reactivated_after_a_crash_dispatches_what_was_logged_but_not_delivered()
    {
        var userId = NewUserId();
        var partition = Pipeline.PartitionOf(userId);
        await fixture.Ingestor.IngestAsync([Track(userId, "feature_activated")], CancellationToken.None);
        await fixture.DispatchedAsync();
        var partitionGrain = fixture.Grains.GetGrain<IIngestPartitionGrain>(partition);
        await fixture.Cluster.DeactivateAsync(partitionGrain);

        // The crash window: the log write landed, the partition died before dispatching it.
        var last = await fixture.Log.GetLastSequenceAsync(partition, CancellationToken.None);
        await fixture.Log.AppendAsync(partition, last + 1, [Track(userId, "billing_page_viewed")], CancellationToken.None);

        await partitionGrain.Wake();
        await fixture.DispatchedAsync();

        var user = await fixture.UserAsync(userId);
        Assert.Equal(65, user!.Score.Score);
        Assert.Equal(2, user.EventsApplied);
    }

    [Fact]
    public async Task Redelivering_a_batch_the_user_already_applied_changes_nothing()
    {
        var userId = NewUserId();
        await fixture.Ingestor.IngestAsync([Track(userId, "member_invited")], CancellationToken.None);
        await fixture.DispatchedAsync();
        var logged = await fixture.Log.ReadUserAsync(Pipeline.PartitionOf(userId), userId, 0, CancellationToken.None);

        await fixture.Grains.GetGrain<IUserGrain>(userId).Apply(new UserEventBatch(Pipeline.PartitionOf(userId), [.. logged]));

        var user = await fixture.UserAsync(userId);
        Assert.Equal(30, user!.Score.Score);
        Assert.Equal(1, user.EventsApplied);
    }

    [Fact]
    public async Task An_append_racing_another_writer_fails_unacknowledged_and_a_retry_succeeds()
    {
        var userId = NewUserId();
        var partition = Pipeline.PartitionOf(userId);
        await fixture.Ingestor.IngestAsync([Track(userId, "feature_activated")], CancellationToken.None);

        // A second writer (say, a duplicate activation during a membership change) appends behind the partition's back.
        var last = await fixture.Log.GetLastSequenceAsync(partition, CancellationToken.None);
        await fixture.Log.AppendAsync(partition, last + 1, [Track(userId, "member_invited")], CancellationToken.None);
        var retried = Track(userId, "billing_page_viewed");
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Ingestor.IngestAsync([retried], CancellationToken.None));

        await Eventually.Get(
            async () =>
            {
                try
                {
                    await fixture.Ingestor.IngestAsync([retried], CancellationToken.None);
                    return true;
                }
                catch (Exception exception) when (exception is InvalidOperationException or EventLogConflictException)
                {
                    return false;
                }
            },
            accepted => accepted,
            "the retried append to be accepted by a fresh partition activation");
        await fixture.DispatchedAsync();

        var user = await fixture.UserAsync(userId);
        Assert.Equal(95, user!.Score.Score);
        Assert.Equal(3, user.EventsApplied);
    }

    [Fact]
    public async Task An_empty_batch_is_accepted_without_touching_the_log()
    {
        await fixture.Ingestor.IngestAsync([], CancellationToken.None);
        await fixture.Grains.GetGrain<IIngestPartitionGrain>(0).Append(new ScoringEventBatch([]));
    }
}
