using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using PqlGrains.Integrations.Alerts;
using PqlGrains.Integrations.Delivery;

namespace PqlGrains.Integrations.Slack;

/// <summary>Posts lead alerts to a Slack incoming webhook. Slack answers "ok", or an error word such as invalid_blocks.</summary>
public sealed class SlackAlertConnector(HttpClient client, IOptions<SlackOptions> options) : IAlertConnector
{
    public const string ConnectorName = "slack";
    private readonly SlackOptions _options = options.Value;

    public string Name => ConnectorName;

    public Task<DeliveryResult> SendAsync(LeadAlert alert, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _options.WebhookUrl) { Content = JsonContent.Create(SlackMessage.Build(alert)) };
        return DeliveryHttp.SendAsync(
            client,
            request,
            Name,
            _ => DeliveryResult.Delivered(Name, null),
            body => string.IsNullOrWhiteSpace(body) ? null : $"Slack: {body.Trim()}",
            $"{SlackOptions.Section}:WebhookUrl (a revoked webhook answers 403/404; create a new one)",
            cancellationToken);
    }
}
