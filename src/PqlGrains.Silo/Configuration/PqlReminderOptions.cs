namespace PqlGrains.Silo.Configuration;

/// <summary>Reminder settings (<c>Pql:Reminders</c>).</summary>
public sealed class PqlReminderOptions
{
    /// <summary>
    /// Shortest reminder period grains may register. Orleans' default of one minute suits
    /// production; tests and canary checks lower it.
    /// </summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
