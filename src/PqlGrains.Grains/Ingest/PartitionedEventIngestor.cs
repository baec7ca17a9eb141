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

        var partitionOf = new int[events.Count];
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < events.Count; i++)
        {
            var partition = PartitionMap.PartitionOf(events[i].UserId, _partitions);
            partitionOf[i] = partition;
            counts[partition] = counts.GetValueOrDefault(partition) + 1;
        }

        if (counts.Count == 1)
        {
            var only = partitionOf[0];
            return Append(only, events as ScoringEvent[] ?? [.. events]).WaitAsync(cancellationToken);
        }

        var groups = new Dictionary<int, (ScoringEvent[] Events, int Filled)>(counts.Count);
        foreach (var (partition, count) in counts)
        {
            groups[partition] = (new ScoringEvent[count], 0);
        }

        for (var i = 0; i < events.Count; i++)
        {
            var (group, filled) = groups[partitionOf[i]];
            group[filled] = events[i];
            groups[partitionOf[i]] = (group, filled + 1);
        }

        var appends = new Task[groups.Count];
        var next = 0;
        foreach (var (partition, (group, _)) in groups)
        {
            appends[next++] = Append(partition, group);
        }

        return Task.WhenAll(appends).WaitAsync(cancellationToken);
    }

    private Task Append(int partition, ScoringEvent[] events) => _appenders[partition].AppendAsync(events);
}
