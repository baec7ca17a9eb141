using PqlGrains.Abstractions.Privacy;
using PqlGrains.Grains.Ingest;
using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Scoring.Events;
using static PqlGrains.Grains.Tests.Infrastructure.Events;

namespace PqlGrains.Grains.Tests.Privacy;

public sealed class EventRetentionTests(RetentionClusterFixture fixture) : IClassFixture<RetentionClusterFixture>
{
    [Fact]
    public async Task A_sweep_deletes_expired_events_in_batches_while_the_user_keeps_its_state_and_new_events_get_new_sequences()
    {
        var userId = NewUserId();
        var partition = PartitionMap.PartitionOf(userId, IngestClusterFixture.Partitions);
        await fixture.Ingestor.IngestAsync([Identify(userId, 0, ("email", PropertyValue.From("old@example.com"))), Track(userId, "billing_page_viewed", minute: 1), Track(userId, "member_invited", minute: 2)], CancellationToken.None);
        await fixture.DispatchedAsync();
        var lastBefore = await fixture.Log.GetLastSequenceAsync(partition, CancellationToken.None);
        var retention = fixture.Grains.GetGrain<IEventRetentionGrain>(0);

        var early = await retention.Sweep();
        Assert.Equal(0, early.DeletedEvents);

        fixture.Clock.Advance(RetentionClusterFixture.Retention + LoggedAtMarks.Spacing + TimeSpan.FromMinutes(1));
        var sweep = await retention.Sweep();

        Assert.True(sweep.DeletedEvents >= 3, $"expected this user's 3 events among the deleted, got {sweep.DeletedEvents}");
        Assert.Empty(await fixture.Log.ReadUserAsync(partition, userId, 0, CancellationToken.None));
        Assert.Equal(lastBefore, await fixture.Log.GetLastSequenceAsync(partition, CancellationToken.None));
        var kept = await fixture.UserAsync(userId);
        Assert.NotNull(kept);
        Assert.Equal(3, kept.EventsApplied);
        Assert.Equal("old@example.com", kept.Traits.Email);

        await fixture.Ingestor.IngestAsync([Track(userId, "feature_activated", minute: 3)], CancellationToken.None);
        await fixture.DispatchedAsync();

        var logged = await fixture.Log.ReadUserAsync(partition, userId, 0, CancellationToken.None);
        Assert.True(logged.Single().Sequence > lastBefore);
        Assert.Equal(4, (await fixture.UserAsync(userId))!.EventsApplied);
    }
}
