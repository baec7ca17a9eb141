using System.Text.Json;

namespace PqlGrains.Segment;

/// <summary>
/// Recognises other analytics vendors' payloads (as their SDKs send them) so that a
/// misconfigured SDK gets told what to change instead of a generic shape error. Only the
/// Segment format (Segment and RudderStack SDKs) is ingested.
/// </summary>
public static class ForeignFormats
{
    public const string PostHog = "PostHog";
    public const string Mixpanel = "Mixpanel";
    public const string Amplitude = "Amplitude";

    /// <summary>The explanation sent back to a client that used <paramref name="vendor"/>'s format.</summary>
    public static string Explain(string vendor) =>
        $"this is a {vendor} request; PqlGrains speaks the Segment HTTP tracking API only: " +
        "send events with a Segment- or RudderStack-compatible SDK (or plain HTTP) to POST /v1/batch " +
        "({\"batch\":[{\"type\":\"track\",\"userId\":\"...\",\"event\":\"...\",\"properties\":{...}}]}) " +
        "or /v1/track, /v1/identify, /v1/group, /v1/page, /v1/screen, /v1/alias, with the write key as the HTTP Basic user name.";

    /// <summary>The vendor whose format <paramref name="root"/> is in, or null when it is not a known foreign format.</summary>
    public static string? Recognise(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("api_key"u8, out _) || root.TryGetProperty("distinct_id"u8, out _))
        {
            return root.TryGetProperty("events"u8, out _) ? Amplitude : PostHog;
        }

        if (root.TryGetProperty("properties"u8, out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("token"u8, out _) && properties.TryGetProperty("distinct_id"u8, out _))
        {
            return Mixpanel;
        }

        return null;
    }

    internal static void ThrowIfForeign(JsonElement root)
    {
        if (Recognise(root) is { } vendor)
        {
            throw new SegmentPayloadException(SegmentPayloadError.ForeignFormat, Explain(vendor));
        }
    }
}
