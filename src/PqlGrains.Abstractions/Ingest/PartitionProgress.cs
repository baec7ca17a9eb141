namespace PqlGrains.Abstractions.Ingest;

/// <summary>How far one ingest partition has logged and dispatched.</summary>
/// <param name="LoggedUpTo">Highest sequence number durable in the event log.</param>
/// <param name="DispatchedUpTo">Highest sequence number every user grain has confirmed applied.</param>
[GenerateSerializer, Immutable]
public sealed record PartitionProgress(
    [property: Id(0)] int Partition,
    [property: Id(1)] long LoggedUpTo,
    [property: Id(2)] long DispatchedUpTo)
{
    public bool IsCaughtUp => DispatchedUpTo >= LoggedUpTo;
}
