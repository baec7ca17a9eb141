using PqlGrains.Scoring.Events;

namespace PqlGrains.Abstractions.Ingest;

/// <summary>
/// The gateway's hand-off point into the cluster. When the returned task completes
/// successfully every event is durable (logged), so the gateway may answer 2xx; when it
/// throws, nothing may be acknowledged.
/// </summary>
public interface IEventIngestor
{
    Task IngestAsync(IReadOnlyList<ScoringEvent> events, CancellationToken cancellationToken);
}
