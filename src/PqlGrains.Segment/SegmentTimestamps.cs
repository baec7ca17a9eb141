using System.Runtime.InteropServices;
using System.Text.Json;

namespace PqlGrains.Segment;

/// <summary>ISO-8601 timestamp fields as Segment reads them.</summary>
internal static class SegmentTimestamps
{
    /// <summary>Reads an ISO-8601 string; a value without an offset is taken as UTC, as Segment does.</summary>
    public static bool TryRead(JsonElement element, string field, out DateTimeOffset value, out string? error)
    {
        if (element.ValueKind == JsonValueKind.String && element.TryGetDateTimeOffset(out value))
        {
            if (!HasOffset(JsonMarshal.GetRawUtf8Value(element)))
            {
                value = new DateTimeOffset(DateTime.SpecifyKind(value.DateTime, DateTimeKind.Unspecified), TimeSpan.Zero);
            }

            error = null;
            return true;
        }

        value = default;
        error = $"'{field}' must be an ISO-8601 date-time string such as \"2026-11-22T17:59:07.798Z\" (got {Describe(element)}).";
        return false;
    }

    /// <summary>
    /// Segment's rule: an explicit timestamp wins; otherwise originalTimestamp, moved by the
    /// client's clock skew (sentAt versus receivedAt) when both are known; otherwise receipt time.
    /// </summary>
    public static DateTimeOffset? Resolve(DateTimeOffset? timestamp, DateTimeOffset? originalTimestamp, DateTimeOffset? sentAt, DateTimeOffset? receivedAt)
    {
        if (timestamp is { } explicitTime)
        {
            return explicitTime;
        }

        if (originalTimestamp is { } original)
        {
            return sentAt is { } sent && receivedAt is { } received ? received - (sent - original) : original;
        }

        return receivedAt;
    }

    private static bool HasOffset(ReadOnlySpan<byte> quoted)
    {
        var time = quoted.IndexOf((byte)'T');
        if (time < 0)
        {
            return false;
        }

        var tail = quoted[time..];
        return tail.IndexOfAny((byte)'Z', (byte)'z', (byte)'+') >= 0 || tail.IndexOf((byte)'-') >= 0;
    }

    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Truncate(element.GetString()!),
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        _ => "null",
    };

    private static string Truncate(string text) => text.Length <= 40 ? $"\"{text}\"" : $"\"{text[..40]}...\"";
}
