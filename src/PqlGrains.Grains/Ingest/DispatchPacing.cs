namespace PqlGrains.Grains.Ingest;

/// <summary>
/// Spaces a busy partition's dispatch rounds. A round starts as soon as the previous one is applied, so under heavy
/// traffic each round carries what arrived during one round trip: about one event per user, and one user grain call
/// per event. A partition whose traffic exceeds <see cref="IngestOptions.BusyPartitionRate"/> starts each round no
/// sooner than <see cref="IngestOptions.BusyDispatchInterval"/> after the previous one, so each user's events of that
/// interval travel in one call. Below that rate (or with a backlog of a full round) nothing waits.
/// </summary>
internal sealed class DispatchPacing(IngestOptions options, TimeProvider time)
{
    /// <summary>
    /// The rate is judged over at least this long, so a few requests that happen to arrive together (the leads
    /// latency benchmark's 10K events/s come as 100 batches a second) do not count as heavy traffic.
    /// </summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromMilliseconds(100);

    private long _windowStartedAt;
    private long _windowEvents;
    private long _lastStartedAt;
    private bool _busy;

    /// <summary>Notes a round of <paramref name="events"/> starting now: the traffic it shows says whether the next one waits.</summary>
    public void RoundStarted(int events)
    {
        var now = time.GetTimestamp();
        _lastStartedAt = now;
        if (_windowStartedAt == 0)
        {
            _windowStartedAt = now;
            return;
        }

        _windowEvents += events;
        var elapsed = time.GetElapsedTime(_windowStartedAt, now);
        if (elapsed >= RateWindow)
        {
            _busy = _windowEvents >= options.BusyPartitionRate * elapsed.TotalSeconds;
            _windowStartedAt = now;
            _windowEvents = 0;
        }
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
