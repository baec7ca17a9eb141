using PqlGrains.Abstractions.Ingest;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// Coalesces this silo's concurrent appends to one partition: at most one call is in flight
/// per partition, carrying everything that queued while the previous one was out. Under load a
/// gateway batch no longer costs a grain call per partition it touches; idle, nothing waits.
/// </summary>
internal sealed class PartitionAppender(IIngestPartitionGrain partition)
{
    private readonly Lock _lock = new();
    private readonly List<ScoringEvent> _queued = [];
    private TaskCompletionSource _queuedLogged = NewCompletion();
    private bool _sending;

    /// <summary>Completes when the partition logged these events; faults when their call failed.</summary>
    /// <param name="events">Copied before this returns: the caller may reuse the memory.</param>
    public Task AppendAsync(ReadOnlySpan<ScoringEvent> events)
    {
        Task logged;
        bool send;
        lock (_lock)
        {
            _queued.AddRange(events);
            logged = _queuedLogged.Task;
            send = !_sending;
            _sending = true;
        }

        // The grain call starts outside the lock: other requests keep queueing while it is being sent.
        if (send)
        {
            _ = SendAsync();
        }

        return logged;
    }

    private async Task SendAsync()
    {
        while (true)
        {
            ScoringEvent[] events;
            TaskCompletionSource logged;
            lock (_lock)
            {
                if (_queued.Count == 0)
                {
                    _sending = false;
                    return;
                }

                // The list keeps its capacity for the next round; the grain gets an array of its own.
                events = [.. _queued];
                logged = _queuedLogged;
                _queued.Clear();
                _queuedLogged = NewCompletion();
            }

            try
            {
                await partition.Append(new ScoringEventBatch(events));
                logged.TrySetResult();
            }
            catch (Exception exception)
            {
                logged.TrySetException(exception);
            }
        }
    }

    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
