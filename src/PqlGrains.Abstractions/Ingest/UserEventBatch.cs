namespace PqlGrains.Abstractions.Ingest;

/// <summary>
/// The events of one user from one ingest partition, in sequence order. The user grain applies
/// only those above the sequence it has already applied for <paramref name="Partition"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UserEventBatch(
    [property: Id(0)] int Partition,
    [property: Id(1)] LoggedEvent[] Events);
