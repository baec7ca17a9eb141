using PqlGrains.Scoring.Events;

namespace PqlGrains.Abstractions.Ingest;

/// <summary>Events for one partition, handed over by the ingestor in one call.</summary>
[GenerateSerializer, Immutable]
public sealed record ScoringEventBatch([property: Id(0)] ScoringEvent[] Events);
