namespace PqlGrains.Abstractions.Ingest;

/// <summary>What the log says about its partitioning.</summary>
/// <param name="Partitions">The recorded partition count.</param>
/// <param name="HighestPartitionInUse">The highest partition holding events, or -1 when the log is empty.</param>
public sealed record EventLogLayout(int Partitions, int HighestPartitionInUse);
