namespace PqlGrains.Grains.Privacy;

/// <summary>Event retention, bound from <c>Pql:Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Pql:Privacy";

    /// <summary>
    /// The shortest retention accepted. A user grain may hold applied events unsaved until its next checkpoint
    /// (<c>Pql:Users:CheckpointInterval</c>) or its deactivation when idle; an event that only the log holds must not
    /// expire before then, so retention also has to exceed the checkpoint interval many times over.
    /// </summary>
    public static readonly TimeSpan MinimumEventRetention = TimeSpan.FromDays(1);

    /// <summary>
    /// How long an event stays in the event log after it was logged (accepted). Older events are deleted; scores,
    /// being decayed aggregates, keep what those events contributed. Production may shorten it to its documented
    /// policy, down to <see cref="MinimumEventRetention"/>.
    /// </summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often expired events are looked for and deleted (a cluster-wide reminder).</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most events one delete statement removes: short statements never hold up ingest.</summary>
    public int RetentionBatchSize { get; set; } = 5000;
}
