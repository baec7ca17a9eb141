namespace PqlGrains.Grains.Operations;

[GenerateSerializer]
internal sealed class CanaryState
{
    [Id(0)] public long Bumps { get; set; }

    [Id(1)] public long ReminderTicks { get; set; }

    [Id(2)] public DateTimeOffset? LastReminderTickAt { get; set; }

    [Id(3)] public bool ReminderArmed { get; set; }
}
