namespace PqlGrains.Abstractions.Leads;

/// <summary>
/// One item for the durable outbox. Carries the lead context rather than rendered text, so the connector request is
/// rebuilt identically on every retry.
/// </summary>
/// <param name="ItemId">Unique and stable: also the webhook-id receivers deduplicate on.</param>
/// <param name="RepId">The owner (rep or manager) by routing id.</param>
/// <param name="OwnerHubSpotId">The owner's HubSpot owner id.</param>
/// <param name="OwnerSalesforceId">The owner's Salesforce user id.</param>
/// <param name="Headline">Note subject, alert reason or webhook summary.</param>
/// <param name="TaskItemId">For <see cref="DeliveryKind.CompleteTask"/>: the item whose CRM task to mark done.</param>
/// <param name="WebhookType">For <see cref="DeliveryKind.Webhook"/>: e.g. lead.nurture.</param>
[GenerateSerializer, Immutable]
public sealed record DeliveryRequest(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string LeadId,
    [property: Id(2)] DeliveryKind Kind,
    [property: Id(3)] LeadContext Context,
    [property: Id(4)] string? RepId,
    [property: Id(5)] string? OwnerName,
    [property: Id(6)] string? OwnerHubSpotId,
    [property: Id(7)] string? OwnerSalesforceId,
    [property: Id(8)] DateTimeOffset? DueAt,
    [property: Id(9)] bool HighPriority,
    [property: Id(10)] string Headline,
    [property: Id(11)] LeadAlertKind AlertKind,
    [property: Id(12)] CrmLinks Links,
    [property: Id(13)] string? TaskItemId,
    [property: Id(14)] string? WebhookType,
    [property: Id(15)] DateTimeOffset CreatedAt);
