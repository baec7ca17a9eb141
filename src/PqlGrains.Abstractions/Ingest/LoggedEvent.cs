using PqlGrains.Scoring.Events;

namespace PqlGrains.Abstractions.Ingest;

/// <summary>An event as the ingest log holds it: stamped with its partition's sequence number.</summary>
/// <param name="Sequence">Contiguous, per-partition position in the log (first is 1).</param>
[GenerateSerializer, Immutable]
public readonly record struct LoggedEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ScoringEvent Event);
