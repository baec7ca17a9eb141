using PqlGrains.Abstractions.Ingest;
using PqlGrains.Grains.Ingest;
using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Ingest;

public sealed class InMemoryEventLogDeletionTests : EventLogDeletionContract
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    protected override Task<IEventLog> CreateLogAsync() => Task.FromResult<IEventLog>(new InMemoryEventLog());

    [Fact]
    public async Task Expiry_follows_the_time_events_were_logged_and_later_reads_stay_right()
    {
        var clock = new ManualClock(Start);
        var log = new InMemoryEventLog(clock);
        await log.AppendAsync(0, 1, [Event("old-1", "u"), Event("old-2", "v")], CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2));
        await log.AppendAsync(0, 3, [Event("new-1", "u"), Event("new-2", "v")], CancellationToken.None);

        Assert.Equal(2, await log.DeleteExpiredAsync(0, Start.AddHours(1), long.MaxValue, 100, CancellationToken.None));
        await log.AppendAsync(0, 5, [Event("newest", "u")], CancellationToken.None);

        Assert.Equal([3L, 5L], (await log.ReadUserAsync(0, "u", 0, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Equal([4L], (await log.ReadUserAsync(0, "v", 0, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Equal([3L, 4L, 5L], (await log.ReadPartitionAsync(0, 0, 10, CancellationToken.None)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Erasure_after_expiry_keeps_the_other_users_readable()
    {
        var clock = new ManualClock(Start);
        var log = new InMemoryEventLog(clock);
        await log.AppendAsync(0, 1, [Event("a", "gone"), Event("b", "stays")], CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2));
        await log.AppendAsync(0, 3, [Event("c", "stays"), Event("d", "gone"), Event("e", "stays")], CancellationToken.None);
        await log.DeleteExpiredAsync(0, Start.AddHours(1), long.MaxValue, 100, CancellationToken.None);

        Assert.Equal(1, await log.DeleteUserAsync(0, "gone", 5, CancellationToken.None));

        Assert.Equal([3L, 5L], (await log.ReadUserAsync(0, "stays", 0, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Empty(await log.ReadUserAsync(0, "gone", 0, CancellationToken.None));
    }

    [Fact]
    public async Task Expiry_across_released_chunks_and_pages_keeps_reads_and_dedupe_right()
    {
        var clock = new ManualClock(Start);
        var log = new InMemoryEventLog(clock);
        var padding = new string('x', 500);
        var events = Enumerable.Range(1, 6_000)
            .Select(i => new ScoringEvent($"m{i}", $"u{i % 37}", EventType.Track, "page_viewed", Start, new EventProperties([new("path", PropertyValue.From(padding))])))
            .ToArray();
        await log.AppendAsync(0, 1, events[..4_500], CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2));
        await log.AppendAsync(0, 4_501, events[4_500..], CancellationToken.None);

        var deleted = 0;
        int batch;
        do
        {
            batch = await log.DeleteExpiredAsync(0, Start.AddHours(1), long.MaxValue, 1_000, CancellationToken.None);
            deleted += batch;
        }
        while (batch > 0);

        Assert.Equal(4_500, deleted);
        Assert.Equal(Enumerable.Range(4_501, 1_500).Select(i => (long)i), (await log.ReadPartitionAsync(0, 0, 10_000, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Equal(
            Enumerable.Range(4_501, 1_500).Where(i => i % 37 == 5).Select(i => (long)i),
            (await log.ReadUserAsync(0, "u5", 0, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Equal(padding, (await log.ReadUserAsync(0, "u5", 0, CancellationToken.None))[0].Event.Properties["path"].Text);

        // A deleted messageId is new data again; a kept one is still a repeat.
        var appended = await log.AppendAsync(0, 6_001, [events[0], events[5_999]], CancellationToken.None);
        Assert.Equal(["m1"], appended.Select(e => e.Event.MessageId));
        Assert.Equal(6_001, await log.GetLastSequenceAsync(0, CancellationToken.None));
    }

    [Fact]
    public async Task An_index_that_grows_after_a_few_erasures_forgets_only_the_erased_messageIds()
    {
        var log = new InMemoryEventLog(new ManualClock(Start));
        var first = Enumerable.Range(0, 1_000).Select(i => Event($"m{i}", $"u{i % 100}")).ToArray();
        await log.AppendAsync(0, 1, first, CancellationToken.None);

        // 10 of 1,000 erased: too few to rebuild the index then, so the growth below is the first rebuild to see them.
        Assert.Equal(10, await log.DeleteUserAsync(0, "u7", 1_000, CancellationToken.None));
        var second = Enumerable.Range(1_000, 4_000).Select(i => Event($"m{i}", $"u{i % 100}")).ToArray();
        Assert.Equal(4_000, (await log.AppendAsync(0, 1_001, second, CancellationToken.None)).Length);

        var again = await log.AppendAsync(0, 5_001, [.. first, .. second], CancellationToken.None);

        Assert.Equal(first.Where(e => e.UserId == "u7").Select(e => e.MessageId), again.Select(e => e.Event.MessageId));
    }

    private static ScoringEvent Event(string messageId, string userId) =>
        new(messageId, userId, EventType.Track, "page_viewed", Start, EventProperties.Empty);
}
