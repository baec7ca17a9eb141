namespace PqlGrains.Abstractions.Ingest;

/// <summary>
/// One ingest partition (key: partition number). Group-commits what it receives into the event
/// log, stamping contiguous sequence numbers, and forwards logged events to user grains.
/// </summary>
public interface IIngestPartitionGrain : IGrainWithIntegerKey
{
    /// <summary>Completes once every event is durable in the event log (the ack point).</summary>
    Task Append(ScoringEventBatch batch);

    Task<PartitionProgress> GetProgress();

    /// <summary>Keeps the partition active so logged-but-undispatched events get dispatched without new traffic.</summary>
    Task Wake();
}
