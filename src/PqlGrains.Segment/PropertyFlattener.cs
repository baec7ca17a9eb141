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
    private static FlattenedProperties? _scratch;

    public static EventProperties Flatten(StringCache strings, JsonElement source, ReadOnlySpan<(string Key, JsonElement Value)> fallbacks = default)
    {
        var values = _scratch ??= new FlattenedProperties();
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

        return values.ToPropertiesAndClear();
    }

    private static void AddObject(StringCache strings, FlattenedProperties values, string? prefix, JsonElement source)
    {
        foreach (var property in source.EnumerateObject())
        {
            Add(strings, values, strings.Key(prefix, property), property.Value);
        }
    }

    private static void Add(StringCache strings, FlattenedProperties values, string key, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                values.Set(key, PropertyValue.From(strings.Value(value)));
                break;
            case JsonValueKind.Number:
                // Numbers beyond double's range keep their digits as text rather than failing the event.
                values.Set(key, value.TryGetDouble(out var number) ? PropertyValue.From(number) : PropertyValue.From(value.GetRawText()));
                break;
            case JsonValueKind.True:
                values.Set(key, PropertyValue.From(true));
                break;
            case JsonValueKind.False:
                values.Set(key, PropertyValue.From(false));
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
