namespace PqlGrains.Abstractions.Leads;

/// <summary>What became of one outbound delivery for the lead (task, note, alert, webhook), per connector.</summary>
/// <param name="ExternalId">The CRM's task/note id once delivered.</param>
/// <param name="Reason">Why it was dead-lettered.</param>
[GenerateSerializer, Immutable]
public sealed record LeadDelivery(
    [property: Id(0)] string ItemId,
    [property: Id(1)] DeliveryKind Kind,
    [property: Id(2)] string Connector,
    [property: Id(3)] DeliveryState State,
    [property: Id(4)] string? ExternalId,
    [property: Id(5)] string? Reason,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string? RepId);
