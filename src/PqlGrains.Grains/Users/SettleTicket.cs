namespace PqlGrains.Grains.Users;

/// <summary>
/// One pending settle call of a user grain in the <see cref="UserSettleSchedule"/>. The grain cancels it when it
/// settles or deactivates first; a call that was already on its way finds its ticket no longer current and is ignored.
/// </summary>
internal sealed class SettleTicket(string userId)
{
    private volatile int _state;

    public string UserId { get; } = userId;

    /// <summary>The schedule sent the settle call for this ticket.</summary>
    public bool Fired => _state == 1;

    public void Cancel() => Interlocked.CompareExchange(ref _state, 2, 0);

    /// <summary>Marks the ticket fired unless it was cancelled; true when the call must be sent.</summary>
    internal bool TryFire() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;
}
