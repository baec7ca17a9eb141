namespace PqlGrains.Grains.Ingest;

/// <summary>
/// Exact messageId membership for one in-memory log partition without keeping a string per event: open
/// addressing over entry numbers, compared against the UTF-8 messageId packed with each event. A
/// <see cref="HashSet{T}"/> of strings cost ~130 bytes per logged event; this costs ~12.
/// Not thread safe: the log calls it under its partition lock.
/// </summary>
internal sealed class MessageIdIndex(MessageIdIndex.StoredMessageId storedMessageId)
{
    /// <summary>The packed messageId of the entry numbered <paramref name="entry"/>; false once the entry was deleted.</summary>
    public delegate bool StoredMessageId(int entry, out ReadOnlySpan<byte> messageId);

    private int[] _entries = new int[1024];
    private int[] _hashes = new int[1024];
    private int _count;
    private int _deleted;

    public static int Hash(ReadOnlySpan<byte> messageId)
    {
        var hash = new HashCode();
        hash.AddBytes(messageId);
        return hash.ToHashCode();
    }

    public bool Contains(ReadOnlySpan<byte> messageId, int hash)
    {
        var mask = _entries.Length - 1;
        for (var slot = hash & mask; _entries[slot] != 0; slot = (slot + 1) & mask)
        {
            if (_hashes[slot] == hash && storedMessageId(_entries[slot] - 1, out var stored) && stored.SequenceEqual(messageId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records that <paramref name="entry"/> holds a messageId <see cref="Contains"/> did not find.</summary>
    public void Add(int hash, int entry)
    {
        if ((_count + 1) * 4 > _entries.Length * 3)
        {
            Grow();
        }

        Place(_entries, _hashes, hash, entry + 1);
        _count++;
    }

    /// <summary>
    /// Drops deleted entries (retention, erasure) once they are at least half the slots in use: until then they only
    /// lengthen probes, since <see cref="Contains"/> already treats them as absent.
    /// </summary>
    public void PruneDeleted(int deleted)
    {
        _deleted += deleted;
        if (_deleted * 2 >= _count)
        {
            Rebuild(_entries.Length);
        }
    }

    private void Grow() => Rebuild(_entries.Length * 2);

    private void Rebuild(int capacity)
    {
        var live = 0;
        for (var slot = 0; slot < _entries.Length; slot++)
        {
            if (_entries[slot] != 0 && storedMessageId(_entries[slot] - 1, out _))
            {
                live++;
            }
        }

        while (capacity > 1024 && live * 8 < capacity * 3)
        {
            capacity /= 2;
        }

        while ((live + 1) * 4 > capacity * 3)
        {
            capacity *= 2;
        }

        var entries = new int[capacity];
        var hashes = new int[capacity];
        for (var slot = 0; slot < _entries.Length; slot++)
        {
            if (_entries[slot] != 0 && storedMessageId(_entries[slot] - 1, out _))
            {
                Place(entries, hashes, _hashes[slot], _entries[slot]);
            }
        }

        _entries = entries;
        _hashes = hashes;
        _count = live;
        _deleted = 0;
    }

    private static void Place(int[] entries, int[] hashes, int hash, int stored)
    {
        var mask = entries.Length - 1;
        var slot = hash & mask;
        while (entries[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        entries[slot] = stored;
        hashes[slot] = hash;
    }
}
