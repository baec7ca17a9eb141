using PqlGrains.Abstractions.Ingest;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// Logged events waiting for dispatch, kept in memory only as a cache of the log: segments it
/// refuses (over capacity) or loses (deactivation) are read back from the log.
/// </summary>
internal sealed class DispatchBuffer(int capacity)
{
    private readonly Queue<LoggedEvent[]> _segments = new();
    private int _count;

    public void Add(LoggedEvent[] segment)
    {
        if (_count + segment.Length > capacity)
        {
            return;
        }

        _segments.Enqueue(segment);
        _count += segment.Length;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> buffered events directly following <paramref name="dispatchedUpTo"/>,
    /// or an empty list when the buffer does not start there (dispatch reads the log instead).
    /// </summary>
    public List<LoggedEvent> TakeAfter(long dispatchedUpTo, int limit)
    {
        while (_segments.TryPeek(out var stale) && stale[^1].Sequence <= dispatchedUpTo)
        {
            _segments.Dequeue();
            _count -= stale.Length;
        }

        var taken = new List<LoggedEvent>();
        var next = dispatchedUpTo + 1;
        foreach (var segment in _segments)
        {
            var offset = (int)(next - segment[0].Sequence);
            if (offset < 0 || offset >= segment.Length)
            {
                break;
            }

            var count = Math.Min(segment.Length - offset, limit - taken.Count);
            taken.AddRange(new ArraySegment<LoggedEvent>(segment, offset, count));
            next += count;
            if (taken.Count == limit)
            {
                break;
            }
        }

        return taken;
    }

    /// <summary>First buffered sequence, or null when empty: dispatch reads the log up to it.</summary>
    public long? FirstSequence => _segments.TryPeek(out var first) ? first[0].Sequence : null;
}
