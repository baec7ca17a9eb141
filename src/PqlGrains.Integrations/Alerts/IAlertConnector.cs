using PqlGrains.Integrations.Delivery;

namespace PqlGrains.Integrations.Alerts;

/// <summary>A channel that tells people about leads (Slack, the built-in sink). Single attempt; the outbox retries.</summary>
public interface IAlertConnector
{
    string Name { get; }

    Task<DeliveryResult> SendAsync(LeadAlert alert, CancellationToken cancellationToken);
}
