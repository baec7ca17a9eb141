namespace PqlGrains.Grains.Ingest;

/// <summary>Persisted state of an ingest partition: how far its events are confirmed applied.</summary>
[GenerateSerializer]
public sealed class PartitionWatermark
{
    [Id(0)] public long DispatchedUpTo { get; set; }
}
