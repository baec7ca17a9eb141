using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace PqlGrains.Segment;

/// <summary>
/// A bounded set of strings found by their UTF-8 bytes: an open-addressing table (triangular
/// probing, at most half full) that hashes the bytes as they sit in the request body, so a
/// repeated id, name or key costs one cheap hash and one byte-to-char comparison instead of a
/// transcode to UTF-16 and a string hash.
/// </summary>
/// <remarks>
/// Safe against hash flooding without a keyed cryptographic hash: a lookup inspects at most
/// <see cref="ProbeLimit"/> slots, so strings crafted to collide cost a constant number of
/// comparisons each; they can fill some slots (or the whole table, as any stream of new strings
/// can), after which further strings are simply allocated, as they would be without a cache.
/// The per-process random seed makes such collisions hard to craft in the first place.
/// Not thread-safe: each thread owns its table (<see cref="StringCache"/>).
/// </remarks>
internal sealed class Utf8StringTable
{
    /// <summary>Slots a lookup inspects; at a load factor of at most 1/2 a present string is almost always within the first two.</summary>
    internal const int ProbeLimit = 32;

    private const int InitialSlots = 256;
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    private readonly int _maxEntries;
    private readonly ulong _seed;
    private Slot[] _slots;
    private int _count;

    /// <param name="maxEntries">How many strings the table keeps at most; a power of two.</param>
    /// <param name="seed">Mixed into every hash, so colliding inputs cannot be precomputed.</param>
    public Utf8StringTable(int maxEntries, ulong seed)
    {
        if (maxEntries <= 0 || (maxEntries & (maxEntries - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxEntries), maxEntries, "The string table's capacity must be a positive power of two.");
        }

        _maxEntries = maxEntries;
        _seed = seed;
        _slots = new Slot[Math.Min(InitialSlots, 2 * maxEntries)];
    }

    public int Count => _count;

    /// <summary>The string <paramref name="utf8"/> decodes to (invalid bytes as U+FFFD), shared with earlier callers when cached.</summary>
    public string GetOrAdd(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8, _seed);
        if (_count < _maxEntries && _count >= _slots.Length / 2)
        {
            Grow();
        }

        var slots = _slots;
        var mask = slots.Length - 1;
        for (var probe = 0; probe < ProbeLimit; probe++)
        {
            ref var slot = ref slots[SlotIndex(hash, probe, mask)];
            if (slot.Text is null)
            {
                var text = Encoding.UTF8.GetString(utf8);
                if (_count < _maxEntries)
                {
                    slot = new Slot(hash, text);
                    _count++;
                }

                return text;
            }

            if (slot.Hash == hash && Matches(utf8, slot.Text))
            {
                return slot.Text;
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }

    /// <summary>
    /// A fast hash of the bytes, eight at a time, with a full 64-bit finalizer (MurmurHash3's)
    /// so ids that differ only in a few digit bits still spread over the slots; not
    /// cryptographic (see the remarks).
    /// </summary>
    internal static uint Hash(ReadOnlySpan<byte> bytes, ulong seed)
    {
        var hash = seed ^ ((ulong)bytes.Length * Multiplier);
        while (bytes.Length >= sizeof(ulong))
        {
            hash = Combine(hash, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[sizeof(ulong)..];
        }

        if (!bytes.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (8 * i);
            }

            hash = Combine(hash, tail);
        }

        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCD;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53;
        hash ^= hash >> 33;
        return (uint)hash;
    }

    /// <summary>
    /// The slot a lookup inspects at step <paramref name="probe"/>: offsets 0, 1, 3, 6, 10... from the home slot,
    /// which visit every slot of a power-of-two table. Linear probing (offsets 0, 1, 2, 3...) builds long runs of
    /// occupied slots even at half load, and a string whose run passed <see cref="ProbeLimit"/> was left uncached
    /// and allocated on every event. These offsets spread a string's <see cref="ProbeLimit"/> slots apart, so at half
    /// load all of them being taken has odds near 0.5^32.
    /// </summary>
    private static int SlotIndex(uint hash, int probe, int mask) => (int)(hash + (uint)(probe * (probe + 1) / 2)) & mask;

    private static ulong Combine(ulong hash, ulong block) => BitOperations.RotateLeft((hash ^ block) * Multiplier, 31);

    /// <summary>
    /// Equal lengths mean ASCII on both sides unless the bytes are invalid UTF-8 (one U+FFFD per
    /// bad byte); anything else is decoded and compared, which only happens on a hash match.
    /// </summary>
    private static bool Matches(ReadOnlySpan<byte> utf8, string text)
    {
        if (utf8.Length == text.Length && System.Text.Ascii.Equals(utf8, text))
        {
            return true;
        }

        if (text.Length > utf8.Length)
        {
            return false;
        }

        var chars = utf8.Length <= 128 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        return chars[..Encoding.UTF8.GetChars(utf8, chars)].SequenceEqual(text);
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _count = 0;
        var mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Text is null)
            {
                continue;
            }

            for (var probe = 0; probe < ProbeLimit; probe++)
            {
                ref var slot = ref _slots[SlotIndex(entry.Hash, probe, mask)];
                if (slot.Text is null)
                {
                    slot = entry;
                    _count++;
                    break;
                }
            }
        }
    }

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Slot(uint Hash, string? Text);
}
