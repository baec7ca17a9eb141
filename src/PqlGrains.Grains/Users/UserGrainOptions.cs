namespace PqlGrains.Grains.Users;

/// <summary>User grain checkpointing and account reporting, bound from <c>Pql:Users</c>.</summary>
public sealed class UserGrainOptions
{
    public const string SectionName = "Pql:Users";

    /// <summary>Checkpoint after this many applied events (bounds replay on activation).</summary>
    public int CheckpointEveryEvents { get; set; } = 1000;

    /// <summary>Checkpoint when this long passed since the last one and new events were applied.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Score changes within this window reach the account as one report.</summary>
    public TimeSpan AccountReportDelay { get; set; } = TimeSpan.FromSeconds(1);
}
