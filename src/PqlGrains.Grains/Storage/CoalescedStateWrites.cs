namespace PqlGrains.Grains.Storage;

/// <summary>
/// Group commit for a reentrant grain's persistent state: callers that changed the state while a
/// write was in flight share the one write that follows it, so a burst of N changes costs a few
/// whole-state serialisations instead of N. A queued write also waits until <c>spacing</c> has passed
/// since the previous one started, which bounds the CPU a large state costs under a steady stream of
/// changes. Every caller's change is stored before its task completes. Use only from the grain's own
/// scheduler (no locks).
/// </summary>
internal sealed class CoalescedStateWrites(Func<Task> write, TimeSpan spacing = default, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private Task _inFlight = Task.CompletedTask;
    private long _startedAt;
    private Task? _next;

    /// <summary>Completes once a write that started after this call has stored the state.</summary>
    public Task SaveAsync()
    {
        if (_next is not null)
        {
            return _next;
        }

        if (_inFlight.IsCompleted)
        {
            return _inFlight = Start();
        }

        _next = WriteAfterAsync(_inFlight);
        return _next;
    }

    private Task Start()
    {
        _startedAt = _time.GetTimestamp();
        return write();
    }

    private async Task WriteAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch
        {
            // The previous callers got its error; this write stores their changes too, so it is their retry.
        }

        var wait = spacing - _time.GetElapsedTime(_startedAt);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time);
        }

        // Changes made from here on need a write that starts after this one.
        _next = null;
        var current = Start();
        _inFlight = current;
        await current;
    }
}
