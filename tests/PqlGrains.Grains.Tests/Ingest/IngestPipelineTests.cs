using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Users;
using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Scoring.Events;
using static PqlGrains.Grains.Tests.Infrastructure.Events;

namespace PqlGrains.Grains.Tests.Ingest;

[Collection(IngestClusterCollection.Name)]
public sealed class IngestPipelineTests(IngestClusterFixture fixture)
{
    [Fact]
    public async Task Acknowledged_events_are_in_the_log_before_dispatch_and_reach_the_user_score()
    {
        var userId = NewUserId();
        ScoringEvent[] events = [Track(userId, "billing_page_viewed"), Track(userId, "feature_activated")];
        await fixture.Ingestor.IngestAsync(events, CancellationToken.None);

        var logged = await fixture.Log.ReadUserAsync(Pipeline.PartitionOf(userId), userId, 0, CancellationToken.None);
        Assert.Equal(2, logged.Count);
        Assert.Equal(logged[0].Sequence + 1, logged[1].Sequence);

        await fixture.DispatchedAsync();
        var user = await fixture.UserAsync(userId);
        Pipeline.AssertScoredAsEngine(user, events);
        Assert.Equal("hot", user!.Score.Tier);
        Assert.Equal(2, user.EventsApplied);
    }

    [Fact]
    public async Task A_batch_spanning_partitions_is_split_and_every_user_gets_only_its_events()
    {
        var users = Enumerable.Range(0, 40).Select(_ => NewUserId()).ToArray();
        Assert.True(users.Select(Pipeline.PartitionOf).Distinct().Count() > 1);

        var events = users.SelectMany(u => new[] { Track(u, "member_invited"), Track(u, "feature_activated") }).ToArray();
        await fixture.Ingestor.IngestAsync(events, CancellationToken.None);
        await fixture.DispatchedAsync();

        foreach (var userId in users)
        {
            Pipeline.AssertScoredAsEngine(await fixture.UserAsync(userId), events.Where(e => e.UserId == userId));
        }
    }

    [Fact]
    public async Task A_batch_spanning_partitions_logs_each_partitions_events_in_the_order_they_were_sent()
    {
        var users = Enumerable.Range(0, 24).Select(_ => NewUserId()).ToArray();
        var partitions = users.Select(Pipeline.PartitionOf).Distinct().ToArray();
        Assert.True(partitions.Length > 1);
        var before = new Dictionary<int, long>();
        foreach (var partition in partitions)
        {
            before[partition] = await fixture.Log.GetLastSequenceAsync(partition, CancellationToken.None);
        }

        // Users interleaved, so every partition's events are scattered through the batch.
        var events = Enumerable.Range(0, 5).SelectMany(minute => users.Select(u => Track(u, "feature_activated", minute: minute))).ToArray();
        await fixture.Ingestor.IngestAsync(events, CancellationToken.None);

        foreach (var partition in partitions)
        {
            var logged = await fixture.Log.ReadPartitionAsync(partition, before[partition], 1000, CancellationToken.None);
            var sent = events.Where(e => Pipeline.PartitionOf(e.UserId) == partition).Select(e => e.MessageId);
            Assert.Equal(sent, logged.Where(e => users.Contains(e.Event.UserId)).Select(e => e.Event.MessageId));
        }
    }

    [Fact]
    public async Task Concurrent_appends_to_one_partition_get_contiguous_sequences()
    {
        var userId = NewUserId();
        var partition = Pipeline.PartitionOf(userId);
        var before = await fixture.Log.GetLastSequenceAsync(partition, CancellationToken.None);

        var events = Enumerable.Range(0, 50).Select(i => Track(userId, "feature_activated", minute: i)).ToArray();
        await Task.WhenAll(events.Select(e => fixture.Ingestor.IngestAsync([e], CancellationToken.None)));

        var logged = await fixture.Log.ReadPartitionAsync(partition, before, 1000, CancellationToken.None);
        var mine = logged.Where(e => e.Event.UserId == userId).ToList();
        Assert.Equal(50, mine.Count);
        Assert.Equal(logged.Select(e => e.Sequence), Enumerable.Range(0, logged.Count).Select(i => before + 1 + i));
        await fixture.DispatchedAsync();
        Pipeline.AssertScoredAsEngine(await fixture.UserAsync(userId), events);
    }

    [Fact]
    public async Task A_partition_reactivated_after_a_crash_dispatches_what_was_logged_but_not_delivered()
    {
        var userId = NewUserId();
        var partition = Pipeline.PartitionOf(userId);
        var first = Track(userId, "feature_activated");
        await fixture.Ingestor.IngestAsync([first], CancellationToken.None);
        await fixture.DispatchedAsync();
        var partitionGrain = fixture.Grains.GetGrain<IIngestPartitionGrain>(partition);
        await fixture.Cluster.DeactivateAsync(partitionGrain);

        // The crash window: the log write landed, the partition died before dispatching it.
        var last = await fixture.Log.GetLastSequenceAsync(partition, CancellationToken.None);
        var undelivered = Track(userId, "billing_page_viewed");
        await fixture.Log.AppendAsync(partition, last + 1, [undelivered], CancellationToken.None);

        await partitionGrain.Wake();
        await fixture.DispatchedAsync();

        var user = await fixture.UserAsync(userId);
        Pipeline.AssertScoredAsEngine(user, [first, undelivered]);
        Assert.Equal(2, user!.EventsApplied);
    }

    [Fact]
    public async Task Redelivering_a_batch_the_user_already_applied_changes_nothing()
    {
        var userId = NewUserId();
        var invite = Track(userId, "member_invited");
        await fixture.Ingestor.IngestAsync([invite], CancellationToken.None);
        await fixture.DispatchedAsync();
        var logged = await fixture.Log.ReadUserAsync(Pipeline.PartitionOf(userId), userId, 0, CancellationToken.None);

        await fixture.Grains.GetGrain<IUserGrain>(userId).Apply(new UserEventBatch(Pipeline.PartitionOf(userId), [.. logged]));

        var user = await fixture.UserAsync(userId);
        Pipeline.AssertScoredAsEngine(user, [invite]);
        Assert.Equal(1, user!.EventsApplied);
    }

    [Fact]
    public async Task An_append_racing_another_writer_fails_unacknowledged_and_a_retry_succeeds()
    {
        var userId = NewUserId();
        var partition = Pipeline.PartitionOf(userId);
        var first = Track(userId, "feature_activated");
        await fixture.Ingestor.IngestAsync([first], CancellationToken.None);

        // A second writer (say, a duplicate activation during a membership change) appends behind the partition's back.
        var last = await fixture.Log.GetLastSequenceAsync(partition, CancellationToken.None);
        var behindItsBack = Track(userId, "member_invited");
        await fixture.Log.AppendAsync(partition, last + 1, [behindItsBack], CancellationToken.None);
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
        Pipeline.AssertScoredAsEngine(user, [first, behindItsBack, retried]);
        Assert.Equal(3, user!.EventsApplied);
    }

    [Fact]
    public async Task An_empty_batch_is_accepted_without_touching_the_log()
    {
        await fixture.Ingestor.IngestAsync([], CancellationToken.None);
        await fixture.Grains.GetGrain<IIngestPartitionGrain>(0).Append(new ScoringEventBatch([]));
    }
}
