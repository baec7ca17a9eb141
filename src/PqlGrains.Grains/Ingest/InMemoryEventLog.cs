using System.Collections.Concurrent;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// The embedded-mode event log: process memory, gone when the process stops. Keeps the same
/// contract as the PostgreSQL log (increasing sequences, conflicts refused, one copy per
/// messageId) so the embedded path is the production path. Events are kept packed
/// (<see cref="PackedEventPages"/>) and each user's events chained newest to oldest: the log holds
/// every event ever accepted, so its per-event cost is most of what an active user costs the heap.
/// </summary>
public sealed class InMemoryEventLog : IEventLog
{
    private readonly ConcurrentDictionary<int, PartitionLog> _partitions = new();

    public Task<long> GetLastSequenceAsync(int partition, CancellationToken cancellationToken)
    {
        var log = LogOf(partition);
        lock (log)
        {
            return Task.FromResult(log.LastSequence);
        }
    }

    public Task<LoggedEvent[]> AppendAsync(int partition, long firstSequence, IReadOnlyList<ScoringEvent> events, CancellationToken cancellationToken)
    {
        var log = LogOf(partition);
        lock (log)
        {
            if (firstSequence <= log.LastSequence)
            {
                throw new EventLogConflictException(partition, firstSequence);
            }

            var logged = new List<LoggedEvent>(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                if (!log.MessageIds.Add(events[i].MessageId))
                {
                    continue;
                }

                var entry = new LoggedEvent(firstSequence + i, events[i]);
                logged.Add(entry);
                log.Add(entry);
            }

            log.LastSequence = logged.Count > 0 ? logged[^1].Sequence : log.LastSequence;
            return Task.FromResult(logged.ToArray());
        }
    }

    public Task<IReadOnlyList<LoggedEvent>> ReadPartitionAsync(int partition, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var log = LogOf(partition);
        lock (log)
        {
            var start = FirstIndexAfter(log.Entries, afterSequence);
            var count = Math.Min(limit, log.Entries.Count - start);
            var events = new LoggedEvent[Math.Max(count, 0)];
            for (var i = 0; i < events.Length; i++)
            {
                events[i] = log.Read(start + i);
            }

            return Task.FromResult<IReadOnlyList<LoggedEvent>>(events);
        }
    }

    public Task<IReadOnlyList<LoggedEvent>> ReadUserAsync(int partition, string userId, long afterSequence, CancellationToken cancellationToken)
    {
        var log = LogOf(partition);
        lock (log)
        {
            // The chain runs newest first and sequences only grow: stop at the first one already seen.
            var newestFirst = new List<LoggedEvent>();
            var index = log.NewestOfUser.GetValueOrDefault(userId, -1);
            while (index >= 0 && log.Entries[index].Sequence > afterSequence)
            {
                newestFirst.Add(log.Read(index));
                index = log.Entries[index].PreviousOfUser;
            }

            newestFirst.Reverse();
            return Task.FromResult<IReadOnlyList<LoggedEvent>>(newestFirst);
        }
    }

    private PartitionLog LogOf(int partition) => _partitions.GetOrAdd(partition, static _ => new PartitionLog());

    private static int FirstIndexAfter(List<Entry> events, long afterSequence)
    {
        int low = 0, high = events.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (events[middle].Sequence <= afterSequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private sealed class PartitionLog
    {
        private readonly PackedEventPages _pages = new();

        public List<Entry> Entries { get; } = [];

        /// <summary>Index in <see cref="Entries"/> of each user's newest event.</summary>
        public Dictionary<string, int> NewestOfUser { get; } = new(StringComparer.Ordinal);

        public HashSet<string> MessageIds { get; } = new(StringComparer.Ordinal);

        public long LastSequence { get; set; }

        public void Add(LoggedEvent logged)
        {
            var userId = logged.Event.UserId;
            var previous = NewestOfUser.GetValueOrDefault(userId, -1);

            // One userId string per user, not one per event.
            var sharedUserId = previous >= 0 ? Entries[previous].UserId : userId;
            Entries.Add(new Entry(logged.Sequence, logged.Event.MessageId, sharedUserId, _pages.Append(logged.Event), previous));
            NewestOfUser[sharedUserId] = Entries.Count - 1;
        }

        public LoggedEvent Read(int index)
        {
            var entry = Entries[index];
            return new LoggedEvent(entry.Sequence, _pages.Read(entry.Position, entry.MessageId, entry.UserId));
        }
    }

    /// <param name="PreviousOfUser">Index of the same user's previous event, -1 for its first.</param>
    private readonly record struct Entry(long Sequence, string MessageId, string UserId, PackedPosition Position, int PreviousOfUser);
}
