using System.Collections.Concurrent;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// The embedded-mode event log: process memory, gone when the process stops. Keeps the same
/// contract as the PostgreSQL log (contiguous sequences, conflicts refused) so the embedded
/// path is the production path.
/// </summary>
public sealed class InMemoryEventLog : IEventLog
{
    private readonly ConcurrentDictionary<int, PartitionLog> _partitions = new();

    public Task<long> GetLastSequenceAsync(int partition, CancellationToken cancellationToken)
    {
        var log = _partitions.GetOrAdd(partition, static _ => new PartitionLog());
        lock (log)
        {
            return Task.FromResult((long)log.Events.Count);
        }
    }

    public Task AppendAsync(int partition, long firstSequence, IReadOnlyList<ScoringEvent> events, CancellationToken cancellationToken)
    {
        var log = _partitions.GetOrAdd(partition, static _ => new PartitionLog());
        lock (log)
        {
            if (firstSequence != log.Events.Count + 1)
            {
                throw new EventLogConflictException(partition, firstSequence);
            }

            for (var i = 0; i < events.Count; i++)
            {
                var logged = new LoggedEvent(firstSequence + i, events[i]);
                log.Events.Add(logged);
                if (!log.ByUser.TryGetValue(logged.Event.UserId, out var positions))
                {
                    positions = [];
                    log.ByUser.Add(logged.Event.UserId, positions);
                }

                positions.Add(log.Events.Count - 1);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LoggedEvent>> ReadPartitionAsync(int partition, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var log = _partitions.GetOrAdd(partition, static _ => new PartitionLog());
        lock (log)
        {
            if (afterSequence >= log.Events.Count)
            {
                return Task.FromResult<IReadOnlyList<LoggedEvent>>([]);
            }

            var start = (int)Math.Max(afterSequence, 0);
            var count = Math.Min(limit, log.Events.Count - start);
            return Task.FromResult<IReadOnlyList<LoggedEvent>>(log.Events.GetRange(start, count).ToArray());
        }
    }

    public Task<IReadOnlyList<LoggedEvent>> ReadUserAsync(int partition, string userId, long afterSequence, CancellationToken cancellationToken)
    {
        var log = _partitions.GetOrAdd(partition, static _ => new PartitionLog());
        lock (log)
        {
            if (!log.ByUser.TryGetValue(userId, out var positions))
            {
                return Task.FromResult<IReadOnlyList<LoggedEvent>>([]);
            }

            var result = new List<LoggedEvent>();
            foreach (var position in positions)
            {
                var logged = log.Events[position];
                if (logged.Sequence > afterSequence)
                {
                    result.Add(logged);
                }
            }

            return Task.FromResult<IReadOnlyList<LoggedEvent>>(result);
        }
    }

    private sealed class PartitionLog
    {
        public List<LoggedEvent> Events { get; } = [];

        public Dictionary<string, List<int>> ByUser { get; } = new(StringComparer.Ordinal);
    }
}
