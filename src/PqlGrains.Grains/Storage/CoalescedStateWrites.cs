namespace PqlGrains.Grains.Storage;

/// <summary>
/// Group commit for a reentrant grain's persistent state: callers that changed the state while a
/// write was in flight share the one write that follows it, so a burst of N changes costs two
/// writes instead of N whole-state serialisations. Every caller's change is stored before its task
/// completes. Use only from the grain's own scheduler (no locks).
/// </summary>
internal sealed class CoalescedStateWrites(Func<Task> write)
{
    private Task _inFlight = Task.CompletedTask;
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
            _inFlight = write();
            return _inFlight;
        }

        _next = WriteAfterAsync(_inFlight);
        return _next;
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

        // Changes made from here on need a write that starts after this one.
        _next = null;
        var current = write();
        _inFlight = current;
        await current;
    }
}
