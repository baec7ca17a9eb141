namespace PqlGrains.Grains.Delivery;

/// <summary>An item the outbox is done with, and the external ids it produced per connector.</summary>
[GenerateSerializer]
public sealed record FinishedItem(
    [property: Id(0)] string ItemId,
    [property: Id(1)] Dictionary<string, string> ExternalIds);
