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

    // A slot keeps its entry number and hash side by side: a probe for a new messageId (the usual case) reads one
    // cache line, where two arrays cost two misses per lookup in a partition of millions of events.
    private Slot[] _slots = new Slot[1024];
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
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var index = hash & mask; slots[index].Stored != 0; index = (index + 1) & mask)
        {
            ref readonly var slot = ref slots[index];
            if (slot.Hash == hash && storedMessageId(slot.Stored - 1, out var stored) && stored.SequenceEqual(messageId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records that <paramref name="entry"/> holds a messageId <see cref="Contains"/> did not find.</summary>
    public void Add(int hash, int entry)
    {
        if ((_count + 1) * 4 > _slots.Length * 3)
        {
            Grow();
        }

        Place(_slots, new Slot(entry + 1, hash));
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
            Rebuild(_slots.Length);
        }
    }

    private void Grow() => Rebuild(_slots.Length * 2);

    /// <summary>
    /// Rehashes into <paramref name="capacity"/> slots (or fewer, if most entries were deleted). Liveness is asked of
    /// the log only when something was deleted since the last rebuild, once per entry: the question reads each
    /// entry's packed event, a cache miss per entry, and growing a partition nothing was deleted from needs none.
    /// </summary>
    private void Rebuild(int capacity)
    {
        var live = _deleted > 0 ? FreeDeletedSlots() : _count;
        while (capacity > 1024 && live * 8 < capacity * 3)
        {
            capacity /= 2;
        }

        while ((live + 1) * 4 > capacity * 3)
        {
            capacity *= 2;
        }

        var slots = new Slot[capacity];
        foreach (var slot in _slots)
        {
            if (slot.Stored != 0)
            {
                Place(slots, slot);
            }
        }

        _slots = slots;
        _count = live;
        _deleted = 0;
    }

    /// <summary>Frees the slots of deleted entries in the table being replaced; the live entries that remain.</summary>
    private int FreeDeletedSlots()
    {
        var live = 0;
        foreach (ref var slot in _slots.AsSpan())
        {
            if (slot.Stored == 0)
            {
                continue;
            }

            if (storedMessageId(slot.Stored - 1, out _))
            {
                live++;
            }
            else
            {
                slot = default;
            }
        }

        return live;
    }

    private static void Place(Slot[] slots, Slot slot)
    {
        var mask = slots.Length - 1;
        var index = slot.Hash & mask;
        while (slots[index].Stored != 0)
        {
            index = (index + 1) & mask;
        }

        slots[index] = slot;
    }

    /// <summary>An entry number plus one (zero marks a free slot) and its messageId's hash.</summary>
    private readonly record struct Slot(int Stored, int Hash);
}
