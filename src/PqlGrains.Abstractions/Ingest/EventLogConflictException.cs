namespace PqlGrains.Abstractions.Ingest;

/// <summary>
/// Another writer already logged one of the sequence numbers: the appending partition grain's
/// view of the log is stale and it must re-read the log's end before appending again.
/// </summary>
public sealed class EventLogConflictException : Exception
{
    public EventLogConflictException(int partition, long firstSequence, Exception? inner = null)
        : base($"Event log partition {partition} already holds sequence {firstSequence} or later; another writer appended to it. The partition reloads its position and the sender should retry.", inner)
    {
        Partition = partition;
        FirstSequence = firstSequence;
    }

    public int Partition { get; }

    public long FirstSequence { get; }
}
