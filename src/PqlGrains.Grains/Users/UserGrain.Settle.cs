namespace PqlGrains.Grains.Users;

/// <summary>
/// The settle window runs on the silo's <see cref="UserSettleSchedule"/>, not on a grain timer (which would keep
/// ~400 bytes of Orleans timer bookkeeping on every user activation for life).
/// </summary>
internal sealed partial class UserGrain : IUserSettleGrain
{
    /// <summary>
    /// Only the call of the current ticket acts: one sent before the grain settled early, or before it deactivated, is
    /// stale. A window with new events settles them; a window without any means the user went idle, so its scoring
    /// state is packed until the next event or read.
    /// </summary>
    public Task Settle()
    {
        if (_settle is not { Fired: true })
        {
            return Task.CompletedTask;
        }

        if (_unsettled)
        {
            return SettleAsync(CancellationToken.None);
        }

        _settle = null;
        PackIfIdle();
        return Task.CompletedTask;
    }
}
