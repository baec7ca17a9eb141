namespace PqlGrains.Scoring.Engine;

/// <summary>
/// A ring of per-bucket values in a slot range: [newest bucket + 1, entry 0 .. entry R-1]. It covers
/// the R buckets ending at the newest bucket ever seen; older buckets are dropped. The final contents
/// depend only on the set of buckets written, never on the order, which keeps replays exact.
/// </summary>
internal static class DayRing
{
    public static int SlotCount(int buckets) => buckets + 1;

    /// <summary>Moves the ring forward if needed; false when the bucket is older than the ring covers.</summary>
    public static bool TryAdvance(Span<long> ring, long bucket)
    {
        var length = ring.Length - 1;
        if (ring[0] == 0)
        {
            ring[0] = bucket + 1;
            return true;
        }

        var newest = ring[0] - 1;
        if (bucket <= newest)
        {
            return bucket > newest - length;
        }

        if (bucket - newest >= length)
        {
            ring[1..].Clear();
        }
        else
        {
            for (var b = newest + 1; b <= bucket; b++)
            {
                ring[Index(b, length)] = 0;
            }
        }

        ring[0] = bucket + 1;
        return true;
    }

    public static int Index(long bucket, int length) => (int)(((bucket % length) + length) % length) + 1;

    public static bool IsEmpty(ReadOnlySpan<long> ring) => ring[0] == 0;

    public static long Newest(ReadOnlySpan<long> ring) => ring[0] - 1;
}
