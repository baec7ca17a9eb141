using PqlGrains.Abstractions.Ingest;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// Logged events waiting for dispatch, kept in memory only as a cache of the log: segments it
/// refuses (over capacity) or loses (deactivation) are read back from the log. A segment is one
/// group commit: the sequence range (After, UpTo] it was given and the events actually logged
/// in it (duplicates dropped by the log leave gaps).
/// </summary>
internal sealed class DispatchBuffer(int capacity)
{
    private readonly Queue<Segment> _segments = new();
    private int _count;

    public void Add(long after, long upTo, LoggedEvent[] logged)
    {
        if (_count + logged.Length > capacity)
        {
            return;
        }

        _segments.Enqueue(new Segment(after, upTo, logged));
        _count += logged.Length;
    }

    /// <summary>
    /// Whole segments directly following <paramref name="dispatchedUpTo"/>, at least one and
    /// then while under <paramref name="limit"/> events; null when the buffer does not start
    /// there (dispatch reads the log instead).
    /// </summary>
    public DispatchRound? TakeAfter(long dispatchedUpTo, int limit)
    {
        while (_segments.TryPeek(out var stale) && stale.UpTo <= dispatchedUpTo)
        {
            _segments.Dequeue();
            _count -= stale.Events.Length;
        }

        // A round of one group commit, the usual case under load, hands on that commit's array instead of a copy.
        LoggedEvent[]? first = null;
        List<LoggedEvent>? several = null;
        var taken = 0;
        var cursor = dispatchedUpTo;
        foreach (var segment in _segments)
        {
            if (segment.After != cursor || (taken > 0 && taken + segment.Events.Length > limit))
            {
                break;
            }

            if (first is null)
            {
                first = segment.Events;
            }
            else
            {
                if (several is null)
                {
                    several = new List<LoggedEvent>(Math.Min(_count, limit));
                    several.AddRange(first);
                }

                several.AddRange(segment.Events);
            }

            taken += segment.Events.Length;
            cursor = segment.UpTo;
        }

        return cursor == dispatchedUpTo ? null : new DispatchRound((IReadOnlyList<LoggedEvent>?)several ?? first!, cursor);
    }

    /// <summary>Where the first buffered segment starts, or null when empty: dispatch reads the log up to it.</summary>
    public long? FirstAfter => _segments.TryPeek(out var first) ? first.After : null;

    private sealed record Segment(long After, long UpTo, LoggedEvent[] Events);
}
