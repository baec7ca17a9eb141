namespace PqlGrains.Grains.Delivery;

[GenerateSerializer]
public sealed class OutboxState
{
    /// <summary>Not yet finished, in enqueue order.</summary>
    [Id(0)] public List<OutboxEntry> Pending { get; set; } = [];

    /// <summary>Finished items (most recent last) with the external ids per connector: dedupe and task lookups.</summary>
    [Id(1)] public List<FinishedItem> Finished { get; set; } = [];
}
