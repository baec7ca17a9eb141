using System.Text.Json;

namespace PqlGrains.Segment;

/// <summary>
/// Reads <c>context</c> values with the batch-level context merged under the message's own:
/// a path the message's context sets wins, anything else falls through to the batch's.
/// </summary>
internal static class SegmentContext
{
    public static JsonElement Find(JsonElement messageContext, JsonElement batchContext, string first, string? second = null, string? third = null)
    {
        var found = Walk(messageContext, first, second, third);
        return found.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? Walk(batchContext, first, second, third) : found;
    }

    private static JsonElement Walk(JsonElement context, string first, string? second, string? third)
    {
        if (context.ValueKind != JsonValueKind.Object || !context.TryGetProperty(first, out var value))
        {
            return default;
        }

        if (second is null)
        {
            return value;
        }

        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(second, out value))
        {
            return default;
        }

        if (third is null)
        {
            return value;
        }

        return value.ValueKind == JsonValueKind.Object && value.TryGetProperty(third, out value) ? value : default;
    }
}
