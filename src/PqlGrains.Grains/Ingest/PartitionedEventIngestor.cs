using System.Buffers;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// The in-silo <see cref="IEventIngestor"/>: splits a batch by user partition and hands each
/// part to its partition's appender, all partitions in parallel. Completes when every
/// partition logged its part, so a 2xx after it means durable.
/// </summary>
internal sealed class PartitionedEventIngestor : IEventIngestor
{
    private readonly int _partitions;
    private readonly PartitionAppender[] _appenders;

    public PartitionedEventIngestor(IGrainFactory grains, IOptions<IngestOptions> options)
    {
        _partitions = options.Value.Partitions;
        _appenders = new PartitionAppender[_partitions];
        for (var partition = 0; partition < _partitions; partition++)
        {
            _appenders[partition] = new PartitionAppender(grains.GetGrain<IIngestPartitionGrain>(partition));
        }
    }

    public Task IngestAsync(IReadOnlyList<ScoringEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        // The split runs on every request, so it works in pooled buffers: appenders copy their part before returning.
        var count = events.Count;
        var keys = ArrayPool<long>.Shared.Rent(count);
        var grouped = ArrayPool<ScoringEvent>.Shared.Rent(count);
        try
        {
            if (Group(events, keys.AsSpan(0, count), grouped.AsSpan(0, count)))
            {
                return _appenders[PartitionOf(keys[0])].AppendAsync(grouped.AsSpan(0, count)).WaitAsync(cancellationToken);
            }

            // At most one append per partition; the runs of the sorted keys are the partitions' parts.
            var appends = new Task[_appenders.Length];
            var parts = 0;
            for (var start = 0; start < count;)
            {
                var partition = PartitionOf(keys[start]);
                var end = start + 1;
                while (end < count && PartitionOf(keys[end]) == partition)
                {
                    end++;
                }

                appends[parts++] = _appenders[partition].AppendAsync(grouped.AsSpan(start, end - start));
                start = end;
            }

            return Task.WhenAll(appends.AsSpan(0, parts)).WaitAsync(cancellationToken);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keys);
            ArrayPool<ScoringEvent>.Shared.Return(grouped, clearArray: true);
        }
    }

    /// <summary>
    /// Orders <paramref name="events"/> into <paramref name="grouped"/> by partition, keeping each partition's events
    /// in arrival order (the key is partition then position); true when the batch touches one partition only.
    /// </summary>
    private bool Group(IReadOnlyList<ScoringEvent> events, Span<long> keys, Span<ScoringEvent> grouped)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)PartitionMap.PartitionOf(events[i].UserId, _partitions) << 32) | (uint)i;
        }

        keys.Sort();
        for (var i = 0; i < keys.Length; i++)
        {
            grouped[i] = events[(int)(uint)keys[i]];
        }

        return PartitionOf(keys[0]) == PartitionOf(keys[^1]);
    }

    private static int PartitionOf(long key) => (int)(key >> 32);
}
