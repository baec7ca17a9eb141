using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// The embedded-mode event log: process memory, gone when the process stops. Keeps the same
/// contract as the PostgreSQL log (increasing sequences, conflicts refused, one copy per
/// messageId) so the embedded path is the production path. Events are kept packed
/// (<see cref="PackedEventPages"/>) and each user's events chained newest to oldest: the log holds
/// every event until retention deletes it, so its per-event cost is most of what an active user costs the heap.
/// </summary>
public sealed partial class InMemoryEventLog : IEventLog
{
    private readonly ConcurrentDictionary<int, PartitionLog> _partitions = new();
    private readonly TimeProvider _time;

    public InMemoryEventLog()
        : this(TimeProvider.System)
    {
    }

    /// <param name="time">Stamps when events are logged, for retention.</param>
    public InMemoryEventLog(TimeProvider time)
    {
        _time = time;
    }

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

            // Sized for the common case, no duplicates: trimmed only when the log dropped some.
            var logged = new LoggedEvent[events.Count];
            var count = 0;
            for (var i = 0; i < events.Count; i++)
            {
                var entry = new LoggedEvent(firstSequence + i, events[i]);
                if (log.TryAdd(entry))
                {
                    logged[count++] = entry;
                }
            }

            if (count > 0)
            {
                log.LastSequence = logged[count - 1].Sequence;
                log.LoggedAt.Record(log.LastSequence, _time.GetUtcNow());
            }

            if (count < logged.Length)
            {
                Array.Resize(ref logged, count);
            }

            return Task.FromResult(logged);
        }
    }

    public Task<IReadOnlyList<LoggedEvent>> ReadPartitionAsync(int partition, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var log = LogOf(partition);
        lock (log)
        {
            var events = new List<LoggedEvent>(Math.Clamp(limit, 0, 1024));
            for (var index = FirstIndexAfter(log, afterSequence); index < log.Count && events.Count < limit; index++)
            {
                if (!log[index].Erased)
                {
                    events.Add(log.Read(index));
                }
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
            while (index >= log.FirstLive && log[index].Sequence > afterSequence)
            {
                if (!log[index].Erased)
                {
                    newestFirst.Add(log.Read(index));
                }

                index = log[index].PreviousOfUser;
            }

            newestFirst.Reverse();
            return Task.FromResult<IReadOnlyList<LoggedEvent>>(newestFirst);
        }
    }

    private PartitionLog LogOf(int partition) => _partitions.GetOrAdd(partition, static _ => new PartitionLog());

    private static int FirstIndexAfter(PartitionLog events, long afterSequence)
    {
        int low = events.FirstLive, high = events.Count;
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

    private sealed partial class PartitionLog
    {
        // 2,048 entries of 32 bytes: chunks stay off the large object heap, and growing never copies (a List
        // doubling its array carried up to twice the entries it held).
        private const int ChunkShift = 11;
        private const int ChunkMask = (1 << ChunkShift) - 1;

        private readonly PackedEventPages _pages = new();
        // Chunks wholly below FirstLive are released (null); indexes never shift, so chains stay valid.
        private readonly List<Entry[]?> _chunks = [];
        private readonly MessageIdIndex _messageIds;
        private byte[] _messageId = new byte[64];

        public PartitionLog()
        {
            _messageIds = new MessageIdIndex(StoredMessageId);
        }

        private bool StoredMessageId(int entry, out ReadOnlySpan<byte> messageId)
        {
            if (entry < FirstLive || this[entry].Erased)
            {
                messageId = default;
                return false;
            }

            messageId = _pages.MessageIdAt(this[entry].Position);
            return true;
        }

        /// <summary>Entries ever logged; indexes below <see cref="FirstLive"/> were deleted by retention.</summary>
        public int Count { get; private set; }

        public int FirstLive { get; private set; }

        public LoggedAtMarks LoggedAt { get; } = new();

        /// <summary>Index of each user's newest event.</summary>
        public Dictionary<string, int> NewestOfUser { get; } = new(StringComparer.Ordinal);

        public long LastSequence { get; set; }

        public ref readonly Entry this[int index] => ref _chunks[index >> ChunkShift]![index & ChunkMask];

        /// <summary>Logs <paramref name="logged"/> unless the partition already holds its messageId.</summary>
        public bool TryAdd(LoggedEvent logged)
        {
            var messageId = logged.Event.MessageId;
            var length = Encoding.UTF8.GetMaxByteCount(messageId.Length);
            if (length > _messageId.Length)
            {
                _messageId = new byte[length];
            }

            var utf8 = _messageId.AsSpan(0, Encoding.UTF8.GetBytes(messageId, _messageId));
            var hash = MessageIdIndex.Hash(utf8);
            if (_messageIds.Contains(utf8, hash))
            {
                return false;
            }

            // Packed before anything else changes: a payload the codec refuses leaves no empty chunk or half-linked entry.
            var position = _pages.Append(logged.Event, utf8);
            if ((Count & ChunkMask) == 0)
            {
                _chunks.Add(new Entry[ChunkMask + 1]);
            }

            // One dictionary lookup per event finds the user's newest entry and records this one in its place.
            ref var newest = ref CollectionsMarshal.GetValueRefOrAddDefault(NewestOfUser, logged.Event.UserId, out var known);
            var previous = known ? newest : -1;

            // One userId string per user, not one per event.
            var sharedUserId = known ? this[previous].UserId : logged.Event.UserId;
            _chunks[^1]![Count & ChunkMask] = new Entry(logged.Sequence, sharedUserId, position, previous);
            newest = Count;
            _messageIds.Add(hash, Count);
            Count++;
            return true;
        }

        public LoggedEvent Read(int index)
        {
            ref readonly var entry = ref this[index];
            return new LoggedEvent(entry.Sequence, _pages.Read(entry.Position, entry.UserId));
        }
    }

    /// <param name="PreviousOfUser">Index of the same user's previous event, -1 for its first.</param>
    /// <param name="Erased">Deleted by an erasure request: skipped by every read, its packed bytes zeroed.</param>
    private readonly record struct Entry(long Sequence, string UserId, PackedPosition Position, int PreviousOfUser, bool Erased = false);
}
