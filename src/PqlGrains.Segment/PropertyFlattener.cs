using System.Globalization;
using System.Text.Json;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Segment;

/// <summary>
/// Turns a properties/traits object into scalar <see cref="EventProperties"/>: nested objects
/// become dotted keys (<c>company.id</c>), array elements become indexed keys
/// (<c>tags.0</c>, <c>products.1.sku</c>), nulls are dropped, and a later duplicate key wins.
/// </summary>
internal static class PropertyFlattener
{
    [ThreadStatic]
    private static Dictionary<string, PropertyValue>? _scratch;

    public static EventProperties Flatten(StringCache strings, JsonElement source, ReadOnlySpan<(string Key, JsonElement Value)> fallbacks = default)
    {
        var values = _scratch ??= new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        values.Clear();
        if (source.ValueKind == JsonValueKind.Object)
        {
            AddObject(strings, values, null, source);
        }

        foreach (var (key, value) in fallbacks)
        {
            if (!values.ContainsKey(key))
            {
                Add(strings, values, key, value);
            }
        }

        if (values.Count == 0)
        {
            return EventProperties.Empty;
        }

        // EventProperties copies the scratch dictionary (a fast copy for a same-comparer Dictionary).
        var properties = new EventProperties(values);
        values.Clear();
        return properties;
    }

    private static void AddObject(StringCache strings, Dictionary<string, PropertyValue> values, string? prefix, JsonElement source)
    {
        foreach (var property in source.EnumerateObject())
        {
            Add(strings, values, strings.Key(prefix, property), property.Value);
        }
    }

    private static void Add(StringCache strings, Dictionary<string, PropertyValue> values, string key, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                values[key] = PropertyValue.From(strings.Value(value));
                break;
            case JsonValueKind.Number:
                // Numbers beyond double's range keep their digits as text rather than failing the event.
                values[key] = value.TryGetDouble(out var number) ? PropertyValue.From(number) : PropertyValue.From(value.GetRawText());
                break;
            case JsonValueKind.True:
                values[key] = PropertyValue.From(true);
                break;
            case JsonValueKind.False:
                values[key] = PropertyValue.From(false);
                break;
            case JsonValueKind.Object:
                AddObject(strings, values, key, value);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Add(strings, values, string.Concat(key, ".", index.ToString(CultureInfo.InvariantCulture)), item);
                    index++;
                }

                break;
        }
    }
}
