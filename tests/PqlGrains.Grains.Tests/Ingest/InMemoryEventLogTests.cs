using PqlGrains.Abstractions.Ingest;
using PqlGrains.Grains.Ingest;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Ingest;

public sealed class InMemoryEventLogTests : EventLogContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 30, 15, TimeSpan.FromHours(-5));

    protected override Task<IEventLog> CreateLogAsync() => Task.FromResult<IEventLog>(new InMemoryEventLog());

    [Fact]
    public async Task Events_packed_across_page_boundaries_and_larger_than_a_page_read_back_identical()
    {
        var log = new InMemoryEventLog();

        // ~1 KB each, so a few dozen fill a 64 KB page; one event alone is larger than a page.
        var events = Enumerable.Range(0, 300)
            .Select(i => Event($"m-{i}", $"u-{i % 7}", i, new string((char)('a' + (i % 26)), i == 150 ? 70_000 : 1_000)))
            .ToArray();

        await log.AppendAsync(0, 1, events, CancellationToken.None);

        var read = await log.ReadPartitionAsync(0, 0, 1_000, CancellationToken.None);
        Assert.Equal(events.Length, read.Count);
        for (var i = 0; i < events.Length; i++)
        {
            Assert.Equal(i + 1, read[i].Sequence);
            AssertSame(events[i], read[i].Event);
        }
    }

    [Fact]
    public async Task An_event_the_codec_refuses_leaves_the_log_as_it_was()
    {
        var log = new InMemoryEventLog();
        var unwritable = Event("bad", "ann", 1, "x") with { Name = null! };

        await Assert.ThrowsAsync<ArgumentNullException>(() => log.AppendAsync(0, 1, [unwritable], CancellationToken.None));
        var good = Event("good", "ann", 2, "y");
        await log.AppendAsync(0, 1, [good], CancellationToken.None);

        var read = await log.ReadPartitionAsync(0, 0, 10, CancellationToken.None);
        AssertSame(good, Assert.Single(read).Event);
        AssertSame(good, Assert.Single(await log.ReadUserAsync(0, "ann", 0, CancellationToken.None)).Event);
    }

    [Fact]
    public async Task A_users_events_read_back_in_sequence_order_across_appends()
    {
        var log = new InMemoryEventLog();
        await log.AppendAsync(0, 1, [Event("1", "ann", 1, "x"), Event("2", "bob", 2, "y")], CancellationToken.None);
        await log.AppendAsync(0, 3, [Event("3", "bob", 3, "z"), Event("4", "ann", 4, "w")], CancellationToken.None);
        await log.AppendAsync(0, 5, [Event("5", "ann", 5, "v")], CancellationToken.None);

        var ann = await log.ReadUserAsync(0, "ann", 0, CancellationToken.None);

        Assert.Equal([(1L, "1"), (4L, "4"), (5L, "5")], ann.Select(e => (e.Sequence, e.Event.MessageId)));
        Assert.All(ann, e => Assert.Equal("ann", e.Event.UserId));
        Assert.Equal([5L], (await log.ReadUserAsync(0, "ann", 4, CancellationToken.None)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Every_messageId_stays_known_after_the_index_grew_many_times()
    {
        var log = new InMemoryEventLog();
        var events = Enumerable.Range(0, 5_000).Select(i => Event($"message-{i}", $"u-{i % 50}", i, "x")).ToArray();
        await log.AppendAsync(0, 1, events, CancellationToken.None);

        var again = await log.AppendAsync(0, 5_001, [.. events.Reverse(), Event("message-new", "u-1", 1, "y")], CancellationToken.None);

        Assert.Equal(["message-new"], again.Select(e => e.Event.MessageId));
        Assert.Equal(100, (await log.ReadUserAsync(0, "u-7", 0, CancellationToken.None)).Count);
    }

    private static ScoringEvent Event(string messageId, string userId, int number, string text) =>
        new(messageId, userId, EventType.Track, "report_exported", At.AddSeconds(number),
            new EventProperties([
                KeyValuePair.Create("text", PropertyValue.From(text)),
                KeyValuePair.Create("number", PropertyValue.From(number + 0.25)),
                KeyValuePair.Create("flag", PropertyValue.From(number % 2 == 0)),
            ]),
            number % 3 == 0 ? $"acct-{number}" : null);

    private static void AssertSame(ScoringEvent expected, ScoringEvent actual)
    {
        Assert.Equal((expected.MessageId, expected.UserId, expected.Type, expected.Name, expected.GroupId, expected.Timestamp, expected.Timestamp.Offset),
            (actual.MessageId, actual.UserId, actual.Type, actual.Name, actual.GroupId, actual.Timestamp, actual.Timestamp.Offset));
        Assert.Equal(expected.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
