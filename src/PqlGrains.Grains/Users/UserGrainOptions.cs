namespace PqlGrains.Grains.Users;

/// <summary>User grain checkpointing and account reporting, bound from <c>Pql:Users</c>.</summary>
public sealed class UserGrainOptions
{
    public const string SectionName = "Pql:Users";

    /// <summary>Checkpoint after this many applied events (bounds replay on activation).</summary>
    public int CheckpointEveryEvents { get; set; } = 1000;

    /// <summary>Checkpoint when this long passed since the last one and new events were applied.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Events applied within this window are evaluated once: one tier check and one account
    /// report per window, not per event. It bounds how late a tier change is published.
    /// </summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After a report, how long to wait before asking the account again whether it saved the
    /// reported events (they stay in memory until then). Set it above <c>Pql:Accounts:SettleDelay</c>.
    /// </summary>
    public TimeSpan AccountConfirmDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most unconfirmed events a user holds for its account; older ones are re-read from the log on activation.</summary>
    public int MaxAccountOutbox { get; set; } = 1000;
}
