namespace PqlGrains.Grains.Ingest;

/// <summary>
/// Spaces a busy partition's dispatch rounds. A round starts as soon as the previous one is applied, so under heavy
/// traffic each round carries what arrived during one round trip: about one event per user, and one user grain call
/// per event. A partition whose last round arrived faster than <see cref="IngestOptions.BusyPartitionRate"/> starts
/// the next one no sooner than <see cref="IngestOptions.BusyDispatchInterval"/> after it, so each user's events of
/// that interval travel in one call. Below that rate (or with a backlog of a full round) nothing waits.
/// </summary>
internal sealed class DispatchPacing(IngestOptions options, TimeProvider time)
{
    private long _lastStartedAt;
    private bool _busy;

    /// <summary>Notes a round of <paramref name="events"/> starting now: its rate says whether the next one waits.</summary>
    public void RoundStarted(int events)
    {
        var now = time.GetTimestamp();
        var since = _lastStartedAt == 0 ? TimeSpan.MaxValue : time.GetElapsedTime(_lastStartedAt, now);
        _busy = since != TimeSpan.MaxValue && events >= options.BusyPartitionRate * since.TotalSeconds;
        _lastStartedAt = now;
    }

    /// <summary>How long to let the next round fill, given <paramref name="backlog"/> events already waiting.</summary>
    public TimeSpan DelayBeforeNextRound(long backlog)
    {
        if (!_busy || backlog >= options.MaxDispatchBatch || options.BusyDispatchInterval <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var remaining = options.BusyDispatchInterval - time.GetElapsedTime(_lastStartedAt);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }
}
