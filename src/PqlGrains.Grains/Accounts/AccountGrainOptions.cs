namespace PqlGrains.Grains.Accounts;

/// <summary>Account roll-up pacing, bound from <c>Pql:Accounts</c>.</summary>
public sealed class AccountGrainOptions
{
    public const string SectionName = "Pql:Accounts";

    /// <summary>
    /// Member reports within this window are rolled up, checked for a tier change and saved
    /// once. A crash loses at most this window, which members restore on their next report.
    /// </summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A member with an event within this window counts as an active user.</summary>
    public TimeSpan ActiveWindow { get; set; } = TimeSpan.FromDays(7);
}
