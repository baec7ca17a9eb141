using PqlGrains.Integrations.Delivery;

namespace PqlGrains.Integrations.Webhooks;

/// <summary>Delivers lead events to a customer endpoint. Single attempt; the outbox retries with the same event id.</summary>
public interface IWebhookConnector
{
    string Name { get; }

    Task<DeliveryResult> SendAsync(WebhookEvent webhookEvent, DateTimeOffset sentAt, CancellationToken cancellationToken);
}
