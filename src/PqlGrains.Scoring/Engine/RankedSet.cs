namespace PqlGrains.Scoring.Engine;

/// <summary>
/// A bounded set of (value hash, ticks) pairs in a slot range [size, hash0, ticks0, ...], keeping the
/// N best pairs by ticks (ties by hash). Each value keeps its earliest ticks (<see cref="KeepEarliest"/>)
/// or its latest. Keeping the N earliest first-seen values, or the N latest last-seen values, is the
/// same set whatever the arrival order, which replays rely on.
/// </summary>
internal static class RankedSet
{
    public static int SlotCount(int capacity) => 1 + capacity * 2;

    public static int Size(ReadOnlySpan<long> set) => (int)set[0];

    public static long HashAt(ReadOnlySpan<long> set, int index) => set[1 + index * 2];

    public static long TicksAt(ReadOnlySpan<long> set, int index) => set[2 + index * 2];

    /// <summary>Adds or updates a value; true when the set changed.</summary>
    public static bool Offer(Span<long> set, long hash, long ticks, bool keepEarliest)
    {
        var capacity = (set.Length - 1) / 2;
        var size = (int)set[0];
        for (var i = 0; i < size; i++)
        {
            if (set[1 + i * 2] != hash)
            {
                continue;
            }

            var current = set[2 + i * 2];
            if (keepEarliest ? ticks >= current : ticks <= current)
            {
                return false;
            }

            set[2 + i * 2] = ticks;
            Settle(set, i, size, keepEarliest);
            return true;
        }

        if (size < capacity)
        {
            set[1 + size * 2] = hash;
            set[2 + size * 2] = ticks;
            set[0] = size + 1;
            Settle(set, size, size + 1, keepEarliest);
            return true;
        }

        var worst = size - 1;
        if (!Before(hash, ticks, set[1 + worst * 2], set[2 + worst * 2], keepEarliest))
        {
            return false;
        }

        set[1 + worst * 2] = hash;
        set[2 + worst * 2] = ticks;
        Settle(set, worst, size, keepEarliest);
        return true;
    }

    private static bool Before(long hash, long ticks, long otherHash, long otherTicks, bool earliestFirst) =>
        ticks != otherTicks ? (earliestFirst ? ticks < otherTicks : ticks > otherTicks) : hash < otherHash;

    // Insertion-sort step: move the changed pair towards the front or back until ordered.
    private static void Settle(Span<long> set, int index, int size, bool earliestFirst)
    {
        while (index > 0 && Before(set[1 + index * 2], set[2 + index * 2], set[1 + (index - 1) * 2], set[2 + (index - 1) * 2], earliestFirst))
        {
            Swap(set, index, index - 1);
            index--;
        }

        while (index < size - 1 && Before(set[1 + (index + 1) * 2], set[2 + (index + 1) * 2], set[1 + index * 2], set[2 + index * 2], earliestFirst))
        {
            Swap(set, index, index + 1);
            index++;
        }
    }

    private static void Swap(Span<long> set, int a, int b)
    {
        (set[1 + a * 2], set[1 + b * 2]) = (set[1 + b * 2], set[1 + a * 2]);
        (set[2 + a * 2], set[2 + b * 2]) = (set[2 + b * 2], set[2 + a * 2]);
    }
}
