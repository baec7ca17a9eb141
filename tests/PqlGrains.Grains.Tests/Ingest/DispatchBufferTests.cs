using PqlGrains.Abstractions.Ingest;
using PqlGrains.Grains.Ingest;
using static PqlGrains.Grains.Tests.Infrastructure.Events;

namespace PqlGrains.Grains.Tests.Ingest;

public sealed class DispatchBufferTests
{
    private static LoggedEvent[] Logged(long first, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new LoggedEvent(first + i, Track("user-1", "feature_activated", minute: i)))];

    [Fact]
    public void A_round_of_one_group_commit_holds_its_events_and_ends_at_its_range()
    {
        var buffer = new DispatchBuffer(100);
        var commit = Logged(1, 3);
        buffer.Add(0, 4, commit);

        var round = buffer.TakeAfter(0, 10)!;

        Assert.Equal(commit, round.Events);
        Assert.Equal(4, round.UpTo);
    }

    [Fact]
    public void Consecutive_group_commits_join_one_round_in_order_until_the_limit()
    {
        var buffer = new DispatchBuffer(100);
        buffer.Add(0, 2, Logged(1, 2));
        buffer.Add(2, 4, Logged(3, 2));
        buffer.Add(4, 6, Logged(5, 2));

        var round = buffer.TakeAfter(0, 4)!;
        Assert.Equal([1L, 2, 3, 4], round.Events.Select(logged => logged.Sequence));
        Assert.Equal(4, round.UpTo);

        var rest = buffer.TakeAfter(round.UpTo, 4)!;
        Assert.Equal([5L, 6], rest.Events.Select(logged => logged.Sequence));
    }

    [Fact]
    public void A_buffer_that_does_not_start_where_dispatch_stopped_gives_no_round()
    {
        var buffer = new DispatchBuffer(100);
        buffer.Add(5, 7, Logged(6, 2));

        Assert.Null(buffer.TakeAfter(2, 10));
    }
}
