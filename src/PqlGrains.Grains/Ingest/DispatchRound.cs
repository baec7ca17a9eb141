using PqlGrains.Abstractions.Ingest;

namespace PqlGrains.Grains.Ingest;

/// <summary>Events to deliver in one round and the sequence the partition has dispatched up to once they are applied.</summary>
internal sealed record DispatchRound(IReadOnlyList<LoggedEvent> Events, long UpTo);
