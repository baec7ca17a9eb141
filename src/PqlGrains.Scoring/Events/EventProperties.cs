using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace PqlGrains.Scoring.Events;

/// <summary>
/// Immutable, flattened properties (track/page/screen) or traits (identify/group) of one event.
/// Keys compare ordinally and are unique; enumeration follows the order the pairs were given in;
/// nested objects arrive flattened as dotted keys.
/// </summary>
/// <remarks>
/// Every accepted event carries one of these, most with a handful of keys, so it is a plain array of
/// pairs searched in order (a dictionary with its buckets and entries took about 2.5 times the bytes);
/// only a large one gets a hash index, so lookups stay constant time whatever the size.
/// </remarks>
public sealed class EventProperties : IReadOnlyDictionary<string, PropertyValue>
{
    /// <summary>Below this many keys an ordinal scan is as quick as hashing the key; builders of properties use it too.</summary>
    public const int IndexedFrom = 9;

    private readonly KeyValuePair<string, PropertyValue>[] _entries;
    private readonly Dictionary<string, int>? _index;

    /// <exception cref="ArgumentException">Two pairs have the same key.</exception>
    /// <exception cref="ArgumentNullException">A key is null.</exception>
    public EventProperties(IEnumerable<KeyValuePair<string, PropertyValue>> values)
    {
        _entries = [.. values];
        _index = IndexOrCheck(_entries);
    }

    /// <exception cref="ArgumentException">Two pairs have the same key.</exception>
    /// <exception cref="ArgumentNullException">A key is null.</exception>
    public EventProperties(ReadOnlySpan<KeyValuePair<string, PropertyValue>> values)
    {
        _entries = values.ToArray();
        _index = IndexOrCheck(_entries);
    }

    public static EventProperties Empty { get; } = new(ReadOnlySpan<KeyValuePair<string, PropertyValue>>.Empty);

    public PropertyValue this[string key] => IndexOf(key) is var at and >= 0 ? _entries[at].Value : PropertyValue.Null;

    public IEnumerable<string> Keys => _entries.Select(static entry => entry.Key);

    public IEnumerable<PropertyValue> Values => _entries.Select(static entry => entry.Value);

    public int Count => _entries.Length;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PropertyValue value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? _entries[at].Value : default;
        return at >= 0;
    }

    /// <summary>A struct enumerator: reading every property of an event (the codec, scoring) allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(_entries);

    IEnumerator<KeyValuePair<string, PropertyValue>> IEnumerable<KeyValuePair<string, PropertyValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var indexed) ? indexed : -1;
        }

        var entries = _entries;
        for (var i = 0; i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Key, key))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Refuses null and repeated keys, as a dictionary would; returns the hash index a large set needs.</summary>
    private static Dictionary<string, int>? IndexOrCheck(KeyValuePair<string, PropertyValue>[] entries)
    {
        if (entries.Length >= IndexedFrom)
        {
            var index = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
            for (var i = 0; i < entries.Length; i++)
            {
                ArgumentNullException.ThrowIfNull(entries[i].Key, "values");
                if (!index.TryAdd(entries[i].Key, i))
                {
                    throw DuplicateKey(entries[i].Key);
                }
            }

            return index;
        }

        for (var i = 0; i < entries.Length; i++)
        {
            var key = entries[i].Key;
            ArgumentNullException.ThrowIfNull(key, "values");
            for (var earlier = 0; earlier < i; earlier++)
            {
                if (string.Equals(entries[earlier].Key, key))
                {
                    throw DuplicateKey(key);
                }
            }
        }

        return null;
    }

    private static ArgumentException DuplicateKey(string key) =>
        new($"The property '{key}' is given twice; an event's property keys are unique.", "values");

    /// <summary>Enumerates the pairs in the order they were given.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, PropertyValue>>
    {
        private readonly KeyValuePair<string, PropertyValue>[] _entries;
        private int _next;

        internal Enumerator(KeyValuePair<string, PropertyValue>[] entries)
        {
            _entries = entries;
            _next = -1;
        }

        public readonly KeyValuePair<string, PropertyValue> Current => _entries[_next];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_next < _entries.Length;

        public void Reset() => _next = -1;

        public readonly void Dispose()
        {
        }
    }
}
