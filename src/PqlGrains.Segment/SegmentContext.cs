using System.Text.Json;

namespace PqlGrains.Segment;

/// <summary>
/// Reads <c>context</c> values with the batch-level context merged under the message's own:
/// a path the message's context sets wins, anything else falls through to the batch's.
/// </summary>
/// <remarks>Path segments are UTF-8 names (an empty one ends the path), so no lookup transcodes a name per event.</remarks>
internal static class SegmentContext
{
    public static JsonElement Find(JsonElement messageContext, JsonElement batchContext, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default, ReadOnlySpan<byte> third = default)
    {
        var found = Walk(messageContext, first, second, third);
        return found.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? Walk(batchContext, first, second, third) : found;
    }

    /// <summary>One context's value at the path, without the batch fallback.</summary>
    public static JsonElement Walk(JsonElement context, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third)
    {
        if (context.ValueKind != JsonValueKind.Object || !context.TryGetProperty(first, out var value))
        {
            return default;
        }

        if (second.IsEmpty)
        {
            return value;
        }

        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(second, out value))
        {
            return default;
        }

        if (third.IsEmpty)
        {
            return value;
        }

        return value.ValueKind == JsonValueKind.Object && value.TryGetProperty(third, out value) ? value : default;
    }
}
