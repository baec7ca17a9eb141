namespace PqlGrains.Grains.Delivery;

/// <summary>Bound from <c>Pql:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Pql:Outbox";

    /// <summary>Wait before the first retry; doubles per attempt (plus jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A delivery still failing this long after its first attempt is dead-lettered.</summary>
    public TimeSpan DeadLetterAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Period of the reminder that wakes the outbox after a restart while deliveries are pending (timers handle the
    /// short waits). At least Orleans' minimum reminder period (<c>Pql:Reminders:MinimumPeriod</c>).
    /// </summary>
    public TimeSpan WakeUpPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Delivered item ids remembered per subject, so a repeated enqueue is not delivered twice.</summary>
    public int RememberedItems { get; set; } = 500;
}
