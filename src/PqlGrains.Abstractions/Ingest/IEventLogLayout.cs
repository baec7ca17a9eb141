namespace PqlGrains.Abstractions.Ingest;

/// <summary>
/// The partition count a durable event log is written with. Users hash into partitions and
/// count their applied sequence in their partition, so the count must not change under a log.
/// </summary>
public interface IEventLogLayout
{
    /// <summary>
    /// Records <paramref name="partitions"/> when the log has no count yet and returns the count
    /// the log is written with (the recorded one, or <paramref name="partitions"/> if it was the first).
    /// A log written before counts were recorded is checked against the partitions it holds.
    /// </summary>
    Task<EventLogLayout> ClaimAsync(int partitions, CancellationToken cancellationToken);
}
