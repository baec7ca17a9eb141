using Microsoft.Extensions.DependencyInjection;

namespace PqlGrains.Grains.Users;

/// <summary>
/// The settle window runs on the silo's <see cref="UserSettleSchedule"/>, not on a grain timer (which would keep
/// ~400 bytes of Orleans timer bookkeeping on every user activation for life).
/// </summary>
internal sealed partial class UserGrain : IUserSettleGrain
{
    private UserSettleSchedule? _settleSchedule;

    private UserSettleSchedule SettleSchedule => _settleSchedule ??= ServiceProvider.GetRequiredService<UserSettleSchedule>();

    /// <summary>Only the call of the current ticket settles: one sent before the grain settled early, or before it deactivated, is stale.</summary>
    public Task Settle() => _settle is { Fired: true } ? SettleAsync(CancellationToken.None) : Task.CompletedTask;
}
