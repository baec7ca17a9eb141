using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace PqlGrains.Scoring.Events;

/// <summary>
/// Immutable, flattened properties (track/page/screen) or traits (identify/group) of one event.
/// Keys compare ordinally; nested objects arrive flattened as dotted keys.
/// </summary>
public sealed class EventProperties : IReadOnlyDictionary<string, PropertyValue>
{
    private readonly Dictionary<string, PropertyValue> _values;

    public EventProperties(IEnumerable<KeyValuePair<string, PropertyValue>> values)
    {
        _values = new Dictionary<string, PropertyValue>(values, StringComparer.Ordinal);
    }

    private EventProperties()
    {
        _values = new Dictionary<string, PropertyValue>(0, StringComparer.Ordinal);
    }

    public static EventProperties Empty { get; } = new();

    public PropertyValue this[string key] => _values.TryGetValue(key, out var value) ? value : PropertyValue.Null;

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<PropertyValue> Values => _values.Values;

    public int Count => _values.Count;

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PropertyValue value) => _values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, PropertyValue>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
