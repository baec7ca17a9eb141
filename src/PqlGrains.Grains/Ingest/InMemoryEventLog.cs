using System.Collections.Concurrent;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// The embedded-mode event log: process memory, gone when the process stops. Keeps the same
/// contract as the PostgreSQL log (increasing sequences, conflicts refused, one copy per
/// messageId) so the embedded path is the production path.
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

            var logged = new List<LoggedEvent>(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                if (!log.MessageIds.Add(events[i].MessageId))
                {
                    continue;
                }

                var entry = new LoggedEvent(firstSequence + i, events[i]);
                logged.Add(entry);
                log.Events.Add(entry);
                if (!log.ByUser.TryGetValue(entry.Event.UserId, out var positions))
                {
                    positions = [];
                    log.ByUser.Add(entry.Event.UserId, positions);
                }

                positions.Add(log.Removed + log.Events.Count - 1);
            }

            log.LastSequence = logged.Count > 0 ? logged[^1].Sequence : log.LastSequence;
            if (logged.Count > 0)
            {
                log.LoggedAt.Record(log.LastSequence, _time.GetUtcNow());
            }

            return Task.FromResult(logged.ToArray());
        }
    }

    public Task<IReadOnlyList<LoggedEvent>> ReadPartitionAsync(int partition, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var log = LogOf(partition);
        lock (log)
        {
            var start = FirstIndexAfter(log.Events, afterSequence);
            var count = Math.Min(limit, log.Events.Count - start);
            return Task.FromResult<IReadOnlyList<LoggedEvent>>(count <= 0 ? [] : log.Events.GetRange(start, count).ToArray());
        }
    }

    public Task<IReadOnlyList<LoggedEvent>> ReadUserAsync(int partition, string userId, long afterSequence, CancellationToken cancellationToken)
    {
        var log = LogOf(partition);
        lock (log)
        {
            if (!log.ByUser.TryGetValue(userId, out var positions))
            {
                return Task.FromResult<IReadOnlyList<LoggedEvent>>([]);
            }

            var result = new List<LoggedEvent>();
            foreach (var position in positions)
            {
                var logged = log.Events[position - log.Removed];
                if (logged.Sequence > afterSequence)
                {
                    result.Add(logged);
                }
            }

            return Task.FromResult<IReadOnlyList<LoggedEvent>>(result);
        }
    }

    private PartitionLog LogOf(int partition) => _partitions.GetOrAdd(partition, static _ => new PartitionLog());

    private static int FirstIndexAfter(List<LoggedEvent> events, long afterSequence)
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
        public List<LoggedEvent> Events { get; } = [];

        /// <summary>Per user, positions counted from the partition's first event ever (subtract <see cref="Removed"/>).</summary>
        public Dictionary<string, List<int>> ByUser { get; } = new(StringComparer.Ordinal);

        public HashSet<string> MessageIds { get; } = new(StringComparer.Ordinal);

        public long LastSequence { get; set; }

        /// <summary>Events deleted from the front of <see cref="Events"/> (retention), so stored positions stay valid.</summary>
        public int Removed { get; set; }

        public LoggedAtMarks LoggedAt { get; } = new();
    }
}
