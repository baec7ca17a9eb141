using PqlGrains.Abstractions.Ingest;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Ingest;

/// <summary>
/// Retention and erasure as every <see cref="IEventLog"/> must do them, run against the in-memory log here and the
/// PostgreSQL log in the integration tests (this file is linked there). Times are far from now on purpose: the
/// PostgreSQL log stamps rows with the server's clock.
/// </summary>
public abstract class EventLogDeletionContract
{
    private static readonly DateTimeOffset Expired = DateTimeOffset.UtcNow.AddDays(1);
    private static readonly DateTimeOffset NotExpired = DateTimeOffset.UtcNow.AddDays(-1);

    protected abstract Task<IEventLog> CreateLogAsync();

    [Fact]
    public async Task Deleting_every_event_of_a_partition_keeps_its_last_sequence_so_none_is_handed_out_again()
    {
        var log = await CreateLogAsync();
        await log.AppendAsync(1, 1, [Event("a", "u1"), Event("b", "u2"), Event("c", "u1")], CancellationToken.None);

        Assert.Equal(3, await log.DeleteExpiredAsync(1, Expired, long.MaxValue, 100, CancellationToken.None));

        Assert.Empty(await log.ReadPartitionAsync(1, 0, 10, CancellationToken.None));
        Assert.Equal(3, await log.GetLastSequenceAsync(1, CancellationToken.None));
        Assert.Equal([4L], (await log.AppendAsync(1, 4, [Event("d", "u1")], CancellationToken.None)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Expiry_deletes_oldest_first_in_batches_up_to_the_through_sequence()
    {
        var log = await CreateLogAsync();
        await log.AppendAsync(2, 1, [.. Enumerable.Range(1, 5).Select(i => Event($"m{i}", i % 2 == 0 ? "even" : "odd"))], CancellationToken.None);

        Assert.Equal(2, await log.DeleteExpiredAsync(2, Expired, 4, 2, CancellationToken.None));
        Assert.Equal(2, await log.DeleteExpiredAsync(2, Expired, 4, 2, CancellationToken.None));
        Assert.Equal(0, await log.DeleteExpiredAsync(2, Expired, 4, 2, CancellationToken.None));

        Assert.Equal([5L], (await log.ReadPartitionAsync(2, 0, 10, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Equal([5L], (await log.ReadUserAsync(2, "odd", 0, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Empty(await log.ReadUserAsync(2, "even", 0, CancellationToken.None));
    }

    [Fact]
    public async Task Events_logged_after_the_cutoff_are_kept()
    {
        var log = await CreateLogAsync();
        await log.AppendAsync(3, 1, [Event("a", "u1"), Event("b", "u1")], CancellationToken.None);

        Assert.Equal(0, await log.DeleteExpiredAsync(3, NotExpired, long.MaxValue, 100, CancellationToken.None));
        Assert.Equal(2, (await log.ReadUserAsync(3, "u1", 0, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Erasing_a_user_deletes_only_their_events_and_keeps_the_last_sequence()
    {
        var log = await CreateLogAsync();
        await log.AppendAsync(4, 1, [Event("a", "gone"), Event("b", "stays"), Event("c", "gone")], CancellationToken.None);

        Assert.Equal(2, await log.DeleteUserAsync(4, "gone", 3, CancellationToken.None));

        Assert.Empty(await log.ReadUserAsync(4, "gone", 0, CancellationToken.None));
        Assert.Equal([(2L, "stays")], (await log.ReadPartitionAsync(4, 0, 10, CancellationToken.None)).Select(e => (e.Sequence, e.Event.UserId)));
        Assert.Equal([2L], (await log.ReadUserAsync(4, "stays", 0, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Equal(3, await log.GetLastSequenceAsync(4, CancellationToken.None));
        Assert.Equal(0, await log.DeleteUserAsync(4, "gone", 3, CancellationToken.None));
    }

    [Fact]
    public async Task Erasure_leaves_events_logged_after_its_sequence_and_a_resent_message_is_new_data()
    {
        var log = await CreateLogAsync();
        await log.AppendAsync(5, 1, [Event("a", "u"), Event("b", "u")], CancellationToken.None);

        Assert.Equal(1, await log.DeleteUserAsync(5, "u", 1, CancellationToken.None));
        var resent = await log.AppendAsync(5, 3, [Event("a", "u")], CancellationToken.None);

        Assert.Equal([3L], resent.Select(e => e.Sequence));
        Assert.Equal([2L, 3L], (await log.ReadUserAsync(5, "u", 0, CancellationToken.None)).Select(e => e.Sequence));
    }

    private static ScoringEvent Event(string messageId, string userId) =>
        new(messageId, userId, EventType.Track, "page_viewed", DateTimeOffset.UnixEpoch.AddDays(20_000), EventProperties.Empty);
}
