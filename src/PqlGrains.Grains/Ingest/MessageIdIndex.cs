namespace PqlGrains.Grains.Ingest;

/// <summary>
/// Exact messageId membership for one in-memory log partition without keeping a string per event: open
/// addressing over entry numbers, compared against the UTF-8 messageId packed with each event. A
/// <see cref="HashSet{T}"/> of strings cost ~130 bytes per logged event; this costs ~12.
/// Not thread safe: the log calls it under its partition lock.
/// </summary>
internal sealed class MessageIdIndex(MessageIdIndex.StoredMessageId storedMessageId)
{
    /// <summary>The packed messageId of the entry numbered <paramref name="entry"/>.</summary>
    public delegate ReadOnlySpan<byte> StoredMessageId(int entry);

    private int[] _entries = new int[1024];
    private int[] _hashes = new int[1024];
    private int _count;

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
            if (_hashes[slot] == hash && storedMessageId(_entries[slot] - 1).SequenceEqual(messageId))
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

    private void Grow()
    {
        var entries = new int[_entries.Length * 2];
        var hashes = new int[entries.Length];
        for (var slot = 0; slot < _entries.Length; slot++)
        {
            if (_entries[slot] != 0)
            {
                Place(entries, hashes, _hashes[slot], _entries[slot]);
            }
        }

        _entries = entries;
        _hashes = hashes;
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
