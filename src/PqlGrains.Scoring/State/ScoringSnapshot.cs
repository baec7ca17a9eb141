namespace PqlGrains.Scoring.State;

/// <summary>
/// The persisted form of a <see cref="ScoringState"/>: plain arrays, bounded by the definition
/// (never by the number of events). Valid only with the definition id and version it was built under.
/// </summary>
/// <param name="Slots">All signal state (ticks, counts, rings, integer accumulators).</param>
/// <param name="RecentMessageIds">Hashes of the last applied messageIds, for idempotence.</param>
/// <param name="NextMessageIndex">Where the next messageId hash goes in the ring.</param>
public sealed record ScoringSnapshot(
    string DefinitionId,
    string DefinitionVersion,
    long[] Slots,
    long[] RecentMessageIds,
    int NextMessageIndex);
