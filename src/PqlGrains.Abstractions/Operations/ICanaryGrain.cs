namespace PqlGrains.Abstractions.Operations;

/// <summary>
/// An operational probe: exercises grain placement, durable state and reminders end to end so an
/// operator can prove a deployment works (write through one silo, read through another, kill a
/// silo and watch the canary move and its reminder keep firing).
/// </summary>
public interface ICanaryGrain : IGrainWithStringKey
{
    /// <summary>Increments the durable counter and returns the canary afterwards.</summary>
    Task<CanaryReport> BumpAsync();

    Task<CanaryReport> ReadAsync();

    /// <summary>Registers (or re-registers) a durable reminder that counts its ticks in the canary's state.</summary>
    Task<CanaryReport> ArmReminderAsync(TimeSpan period);

    Task<CanaryReport> DisarmReminderAsync();
}
