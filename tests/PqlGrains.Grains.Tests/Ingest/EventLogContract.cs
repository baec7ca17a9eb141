using PqlGrains.Abstractions.Ingest;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Ingest;

/// <summary>
/// What every <see cref="IEventLog"/> promises, run against the in-memory log here and the
/// PostgreSQL log in the integration tests (this file is linked there).
/// </summary>
public abstract class EventLogContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 30, 15, 123, TimeSpan.FromHours(2));

    protected abstract Task<IEventLog> CreateLogAsync();

    [Fact]
    public async Task An_empty_partition_ends_at_zero_and_reads_nothing()
    {
        var log = await CreateLogAsync();
        Assert.Equal(0, await log.GetLastSequenceAsync(3, CancellationToken.None));
        Assert.Empty(await log.ReadPartitionAsync(3, 0, 10, CancellationToken.None));
        Assert.Empty(await log.ReadUserAsync(3, "nobody", 0, CancellationToken.None));
    }

    [Fact]
    public async Task Appended_events_read_back_identical_with_their_sequences()
    {
        var log = await CreateLogAsync();
        var rich = new ScoringEvent(
            "m-1", "u-1", EventType.Track, "report_exported", At,
            new EventProperties([
                KeyValuePair.Create("format", PropertyValue.From("csv")),
                KeyValuePair.Create("rows", PropertyValue.From(1234.5)),
                KeyValuePair.Create("scheduled", PropertyValue.From(true)),
                KeyValuePair.Create("note", PropertyValue.Null),
                KeyValuePair.Create("company.id", PropertyValue.From("acme ünïcode")),
            ]),
            "acct-9");
        var plain = new ScoringEvent("m-2", "u-2", EventType.Identify, string.Empty, At.AddSeconds(1), EventProperties.Empty);

        var logged = await log.AppendAsync(1, 1, [rich, plain], CancellationToken.None);

        Assert.Equal([1L, 2L], logged.Select(e => e.Sequence));
        var read = await log.ReadPartitionAsync(1, 0, 10, CancellationToken.None);
        Assert.Equal(2, read.Count);
        AssertSameEvent(rich, read[0].Event);
        AssertSameEvent(plain, read[1].Event);
        Assert.Equal(2, await log.GetLastSequenceAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task A_messageId_already_in_the_partition_is_dropped_leaving_a_gap()
    {
        var log = await CreateLogAsync();
        await log.AppendAsync(2, 1, [Event("a", "u"), Event("b", "u")], CancellationToken.None);

        var logged = await log.AppendAsync(2, 3, [Event("b", "u"), Event("c", "u"), Event("c", "u")], CancellationToken.None);

        Assert.Equal([("c", 4L)], logged.Select(e => (e.Event.MessageId, e.Sequence)));
        var read = await log.ReadPartitionAsync(2, 0, 10, CancellationToken.None);
        Assert.Equal([1L, 2L, 4L], read.Select(e => e.Sequence));
        Assert.Equal(4, await log.GetLastSequenceAsync(2, CancellationToken.None));
    }

    [Fact]
    public async Task Appending_at_a_sequence_already_taken_is_a_conflict_and_logs_nothing()
    {
        var log = await CreateLogAsync();
        await log.AppendAsync(4, 1, [Event("a", "u"), Event("b", "u")], CancellationToken.None);

        await Assert.ThrowsAsync<EventLogConflictException>(() => log.AppendAsync(4, 2, [Event("c", "u")], CancellationToken.None));

        Assert.Equal(["a", "b"], (await log.ReadPartitionAsync(4, 0, 10, CancellationToken.None)).Select(e => e.Event.MessageId));
    }

    [Fact]
    public async Task Reads_page_by_sequence_and_by_user()
    {
        var log = await CreateLogAsync();
        await log.AppendAsync(5, 1, [Event("1", "ann"), Event("2", "bob"), Event("3", "ann"), Event("4", "bob"), Event("5", "ann")], CancellationToken.None);

        Assert.Equal([3L, 4L], (await log.ReadPartitionAsync(5, 2, 2, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Equal([3L, 5L], (await log.ReadUserAsync(5, "ann", 1, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Empty(await log.ReadUserAsync(6, "ann", 0, CancellationToken.None));
    }

    private static ScoringEvent Event(string messageId, string userId) =>
        new(messageId, userId, EventType.Track, "feature_activated", At, EventProperties.Empty);

    private static void AssertSameEvent(ScoringEvent expected, ScoringEvent actual)
    {
        Assert.Equal((expected.MessageId, expected.UserId, expected.Type, expected.Name, expected.GroupId), (actual.MessageId, actual.UserId, actual.Type, actual.Name, actual.GroupId));
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.Timestamp.Offset, actual.Timestamp.Offset);
        Assert.Equal(expected.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
