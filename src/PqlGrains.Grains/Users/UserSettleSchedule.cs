using Microsoft.Extensions.Logging;
using PqlGrains.Grains.Ingest;

namespace PqlGrains.Grains.Users;

/// <summary>
/// One silo-wide timer for the user grains' settle windows. An Orleans grain timer leaves every activation that
/// ever registered one a timer set and an extras dictionary for the rest of its life (~400 bytes per user grain,
/// measured with ClrMD), so user grains take a ticket here instead and get a one-way <see cref="IUserSettleGrain.Settle"/>
/// call when it falls due: like a grain timer tick, a message processed in the grain's turn.
/// </summary>
internal sealed partial class UserSettleSchedule : IDisposable
{
    private readonly PriorityQueue<SettleTicket, long> _pending = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly StringKeyedGrains<IUserSettleGrain> _grains;
    private readonly ILogger<UserSettleSchedule> _logger;
    private readonly ITimer _timer;
    private long _armedFor = long.MaxValue;

    public UserSettleSchedule(TimeProvider time, StringKeyedGrains<IUserSettleGrain> grains, ILogger<UserSettleSchedule> logger)
    {
        _time = time;
        _grains = grains;
        _logger = logger;

        // Created without the caller's execution context, so no grain's request context flows into the callbacks.
        using (ExecutionContext.SuppressFlow())
        {
            _timer = time.CreateTimer(static schedule => ((UserSettleSchedule)schedule!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Queues a settle call to <paramref name="userId"/> after <paramref name="delay"/>.</summary>
    public SettleTicket Schedule(string userId, TimeSpan delay)
    {
        var ticket = new SettleTicket(userId);
        var now = _time.GetTimestamp();
        var due = now + (long)(delay.TotalSeconds * _time.TimestampFrequency);
        lock (_lock)
        {
            _pending.Enqueue(ticket, due);
            if (due < _armedFor)
            {
                Arm(now, due);
            }
        }

        return ticket;
    }

    public void Dispose() => _timer.Dispose();

    private void Fire()
    {
        List<SettleTicket>? due = null;
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            while (_pending.TryPeek(out var ticket, out var at) && at <= now)
            {
                _pending.Dequeue();
                if (ticket.TryFire())
                {
                    (due ??= []).Add(ticket);
                }
            }

            _armedFor = long.MaxValue;
            if (_pending.TryPeek(out _, out var next))
            {
                Arm(now, next);
            }
        }

        if (due is null)
        {
            return;
        }

        foreach (var ticket in due)
        {
            try
            {
                _ = _grains[ticket.UserId].Settle();
            }
            catch (Exception exception)
            {
                // The grain settles on its next event or deactivation; one failed send must not stop the others.
                LogSettleCallFailed(exception, ticket.UserId);
            }
        }
    }

    private void Arm(long now, long due)
    {
        _armedFor = due;
        _timer.Change(due <= now ? TimeSpan.Zero : _time.GetElapsedTime(now, due), Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the settle call to user {UserId}; it settles on its next event or deactivation")]
    private partial void LogSettleCallFailed(Exception exception, string userId);
}
