using System.Text;
using Microsoft.Extensions.Options;
using PqlGrains.Integrations.Delivery;

namespace PqlGrains.Integrations.Webhooks;

/// <summary>Posts events signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature headers).</summary>
public sealed class SignedWebhookConnector(HttpClient client, IOptions<SignedWebhookOptions> options) : IWebhookConnector
{
    public const string ConnectorName = "webhook";
    private readonly SignedWebhookOptions _options = options.Value;

    public string Name => ConnectorName;

    /// <param name="sentAt">The attempt time: webhook-timestamp is when this attempt was signed, so receivers' replay windows accept retries.</param>
    public Task<DeliveryResult> SendAsync(WebhookEvent webhookEvent, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var body = webhookEvent.Body();
        var timestamp = sentAt.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, _options.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(StandardWebhookSignature.IdHeader, webhookEvent.Id);
        request.Headers.Add(StandardWebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhookSignature.SignatureHeader, StandardWebhookSignature.Sign(_options.Secret!, webhookEvent.Id, timestamp, body));

        return DeliveryHttp.SendAsync(
            client,
            request,
            Name,
            _ => DeliveryResult.Delivered(Name, webhookEvent.Id),
            responseBody => string.IsNullOrWhiteSpace(responseBody) ? null : $"webhook endpoint: {responseBody.Trim()}",
            $"{SignedWebhookOptions.Section}:Url / :Secret",
            cancellationToken);
    }
}
