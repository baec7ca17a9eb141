using PqlGrains.Abstractions.Ingest;
using PqlGrains.Grains.Ingest;
using static PqlGrains.Grains.Tests.Infrastructure.Events;

namespace PqlGrains.Grains.Tests.Ingest;

public sealed class UserDeliveryGroupingTests
{
    private readonly UserDeliveryGrouping _grouping = new();

    [Fact]
    public void A_round_goes_to_each_user_once_with_its_events_in_sequence_order_and_users_in_order_of_first_event()
    {
        var round = Round(("ann", 1), ("bob", 2), ("ann", 3), ("cy", 4), ("bob", 5), ("ann", 6));

        var deliveries = _grouping.Group(partition: 3, round);

        Assert.Equal(["ann", "bob", "cy"], deliveries.Select(delivery => delivery.UserId));
        Assert.Equal([1L, 3, 6], Sequences(deliveries[0]));
        Assert.Equal([2L, 5], Sequences(deliveries[1]));
        Assert.Equal([4L], Sequences(deliveries[2]));
        Assert.All(deliveries, delivery => Assert.Equal(3, delivery.Batch.Partition));
    }

    [Fact]
    public void A_round_after_a_larger_one_is_grouped_on_its_own_events_only()
    {
        _grouping.Group(partition: 0, Round(("ann", 1), ("bob", 2), ("cy", 3), ("ann", 4)));

        var deliveries = _grouping.Group(partition: 0, Round(("cy", 5), ("dee", 6), ("cy", 7)));

        Assert.Equal(["cy", "dee"], deliveries.Select(delivery => delivery.UserId));
        Assert.Equal([5L, 7], Sequences(deliveries[0]));
        Assert.Equal([6L], Sequences(deliveries[1]));
    }

    [Fact]
    public void A_round_after_one_that_failed_half_way_is_grouped_on_its_own_events_only()
    {
        var failing = new FailingAfter(Round(("ann", 1), ("bob", 2), ("cy", 3)), readable: 2);
        Assert.Throws<InvalidOperationException>(() => _grouping.Group(partition: 0, failing));

        var deliveries = _grouping.Group(partition: 0, Round(("cy", 4), ("ann", 5)));

        Assert.Equal(["cy", "ann"], deliveries.Select(delivery => delivery.UserId));
        Assert.Equal([4L], Sequences(deliveries[0]));
        Assert.Equal([5L], Sequences(deliveries[1]));
    }

    private static LoggedEvent[] Round(params (string UserId, long Sequence)[] events) =>
        [.. events.Select(e => new LoggedEvent(e.Sequence, Track(e.UserId, "feature_activated", minute: (int)e.Sequence)))];

    private static IEnumerable<long> Sequences(UserDelivery delivery) => delivery.Batch.Events.Select(logged => logged.Sequence);

    /// <summary>A round whose events past the first <paramref name="readable"/> cannot be read.</summary>
    private sealed class FailingAfter(LoggedEvent[] events, int readable) : IReadOnlyList<LoggedEvent>
    {
        public int Count => events.Length;

        public LoggedEvent this[int index] => index < readable ? events[index] : throw new InvalidOperationException("unreadable event");

        public IEnumerator<LoggedEvent> GetEnumerator() => ((IEnumerable<LoggedEvent>)events).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
