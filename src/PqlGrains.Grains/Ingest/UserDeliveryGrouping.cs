using System.Runtime.InteropServices;
using PqlGrains.Abstractions.Ingest;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// Splits a partition's dispatch rounds by user. Its lookup tables live from round to round: built afresh they
/// cost about 50 bytes per dispatched event, and a full round's (<see cref="IngestOptions.MaxDispatchBatch"/> events)
/// went to the large object heap, which only a gen2 collection reclaims. One round at a time, as the partition
/// dispatches them.
/// </summary>
internal sealed class UserDeliveryGrouping
{
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);
    private readonly List<string> _users = [];
    private readonly List<int> _counts = [];
    private int[] _userOf = [];

    /// <summary>
    /// The round's events grouped by user, each user's in sequence order, users in order of first appearance. Counted
    /// first, so each user's events go straight into an array of the right size: at 10K users a round holds a few
    /// events per user, and a list per user would double the allocations.
    /// </summary>
    public UserDelivery[] Group(int partition, IReadOnlyList<LoggedEvent> events)
    {
        try
        {
            return GroupWithTables(partition, events);
        }
        finally
        {
            // Emptied even when a round fails half-way, or the next round's indices would start from its leftovers;
            // and the keys would otherwise stay reachable until the next round.
            _indexOf.Clear();
            _users.Clear();
            _counts.Clear();
        }
    }

    private UserDelivery[] GroupWithTables(int partition, IReadOnlyList<LoggedEvent> events)
    {
        if (_userOf.Length < events.Count)
        {
            _userOf = new int[Math.Max(events.Count, _userOf.Length * 2)];
        }

        for (var i = 0; i < events.Count; i++)
        {
            var userId = events[i].Event.UserId;
            ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_indexOf, userId, out var seen);
            if (!seen)
            {
                index = _users.Count;
                _users.Add(userId);
                _counts.Add(0);
            }

            _counts[index]++;
            _userOf[i] = index;
        }

        var deliveries = new UserDelivery[_users.Count];
        var counts = CollectionsMarshal.AsSpan(_counts);
        for (var user = 0; user < deliveries.Length; user++)
        {
            deliveries[user] = new UserDelivery(_users[user], new UserEventBatch(partition, new LoggedEvent[counts[user]]));
        }

        // Backwards, with each user's count as its cursor: the last event lands in the last slot.
        for (var i = events.Count - 1; i >= 0; i--)
        {
            var user = _userOf[i];
            deliveries[user].Batch.Events[--counts[user]] = events[i];
        }

        return deliveries;
    }
}
