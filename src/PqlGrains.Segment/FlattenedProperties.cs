using PqlGrains.Scoring.Events;

namespace PqlGrains.Segment;

/// <summary>
/// The pairs of one event's properties while they are being flattened, reused event after event on a
/// thread: a later duplicate key replaces the earlier value in place (as a dictionary would), and the
/// finished set is copied once into its <see cref="EventProperties"/>. Small sets, nearly all of them,
/// are searched in order; a large one (flattened arrays) switches to a hash index.
/// </summary>
internal sealed class FlattenedProperties
{
    private const int IndexedFrom = EventProperties.IndexedFrom;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private KeyValuePair<string, PropertyValue>[] _pairs = new KeyValuePair<string, PropertyValue>[16];
    private int _count;

    public int Count => _count;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public void Set(string key, PropertyValue value)
    {
        var at = IndexOf(key);
        if (at >= 0)
        {
            _pairs[at] = new(key, value);
            return;
        }

        if (_count == _pairs.Length)
        {
            Array.Resize(ref _pairs, _count * 2);
        }

        _pairs[_count] = new(key, value);
        if (_count >= IndexedFrom)
        {
            _index[key] = _count;
        }
        else if (_count == IndexedFrom - 1)
        {
            for (var i = 0; i <= _count; i++)
            {
                _index[_pairs[i].Key] = i;
            }
        }

        _count++;
    }

    /// <summary>The finished set, or <see cref="EventProperties.Empty"/>; leaves this empty for the next event.</summary>
    public EventProperties ToPropertiesAndClear()
    {
        var properties = _count == 0 ? EventProperties.Empty : new EventProperties(_pairs.AsSpan(0, _count));
        Clear();
        return properties;
    }

    public void Clear()
    {
        // Cleared, not just forgotten: a thread's scratch must not keep an earlier request's strings alive.
        _pairs.AsSpan(0, _count).Clear();
        if (_count >= IndexedFrom)
        {
            _index.Clear();
        }

        _count = 0;
    }

    private int IndexOf(string key)
    {
        if (_count >= IndexedFrom)
        {
            return _index.TryGetValue(key, out var indexed) ? indexed : -1;
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_pairs[i].Key, key))
            {
                return i;
            }
        }

        return -1;
    }
}
