using Orleans.Runtime;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Operations;

namespace PqlGrains.Grains.Operations;

internal sealed class CanaryGrain(
    [PersistentState("canary", PqlStorageNames.Grains)] IPersistentState<CanaryState> state,
    ILocalSiloDetails silo,
    TimeProvider clock) : Grain, ICanaryGrain, IRemindable
{
    private const string ReminderName = "canary";
    private readonly DateTimeOffset activatedAt = clock.GetUtcNow();

    public async Task<CanaryReport> BumpAsync()
    {
        state.State.Bumps++;
        await state.WriteStateAsync();
        return Report();
    }

    public Task<CanaryReport> ReadAsync() => Task.FromResult(Report());

    public async Task<CanaryReport> ArmReminderAsync(TimeSpan period)
    {
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
        state.State.ReminderArmed = true;
        await state.WriteStateAsync();
        return Report();
    }

    public async Task<CanaryReport> DisarmReminderAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }

        state.State.ReminderArmed = false;
        await state.WriteStateAsync();
        return Report();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        state.State.ReminderTicks++;
        state.State.LastReminderTickAt = clock.GetUtcNow();
        await state.WriteStateAsync();
    }

    private CanaryReport Report() => new()
    {
        Id = this.GetPrimaryKeyString(),
        Bumps = state.State.Bumps,
        ReminderTicks = state.State.ReminderTicks,
        LastReminderTickAt = state.State.LastReminderTickAt,
        ReminderArmed = state.State.ReminderArmed,
        SiloAddress = silo.SiloAddress.ToString(),
        SiloName = silo.Name,
        ActivatedAt = activatedAt,
    };
}
