using System.Globalization;
using System.Text.Json.Nodes;

namespace PqlGrains.Integrations.Webhooks;

/// <summary>One outbound event in the Standard Webhooks payload shape <c>{type, timestamp, data}</c>.</summary>
/// <param name="Id">The webhook-id: stable across retries so receivers can deduplicate (e.g. the outbox entry id).</param>
/// <param name="Type">Dotted event type, e.g. lead.qualified, lead.assigned, lead.requeued.</param>
public sealed record WebhookEvent(string Id, string Type, DateTimeOffset Timestamp, JsonNode Data)
{
    public string Body() => new JsonObject
    {
        ["type"] = Type,
        ["timestamp"] = Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["data"] = Data.DeepClone(),
    }.ToJsonString();
}
