using PqlGrains.Abstractions.Users;
using PqlGrains.Grains.Definitions;

namespace PqlGrains.Grains.Users;

/// <summary>
/// What a user grain saves through grain storage. Saved every N events / T seconds and on
/// deactivation; anything newer is replayed from the event log on activation.
/// </summary>
[GenerateSerializer]
public sealed class UserCheckpoint
{
    // The instants below are stored as the same DateTimeOffset? fields (the serialized shape is unchanged), held packed.
    [NonSerialized] private long _traitsAt;
    [NonSerialized] private long _accountAt;
    [NonSerialized] private long _lastEventAt;

    /// <summary>
    /// Ingest partition whose sequence <see cref="AppliedSequence"/> counts in. No -1 "never saved" initializer: Orleans'
    /// JSON grain storage serializer (its default, and the reader of rows saved before the binary codec) omits default
    /// values, so partition 0 read back as the initializer, and a user of partition 0 lost their checkpoint and erasure
    /// fence at every activation. A never-saved checkpoint is told apart by its missing score state instead.
    /// </summary>
    [Id(0)] public int Partition { get; set; }

    [Id(1)] public long AppliedSequence { get; set; }

    [Id(2)] public string? DefinitionVersion { get; set; }

    /// <summary>The scoring engine's own snapshot of the user's decayed signal state.</summary>
    [Id(3)] public byte[]? ScoreState { get; set; }

    [Id(4)] public UserTraits Traits { get; set; } = UserTraits.None;

    [Id(5)] public DateTimeOffset? TraitsAt { get => PackedInstant.Unpack(_traitsAt); set => _traitsAt = PackedInstant.Pack(value); }

    [Id(6)] public string? AccountId { get; set; }

    [Id(7)] public DateTimeOffset? AccountAt { get => PackedInstant.Unpack(_accountAt); set => _accountAt = PackedInstant.Pack(value); }

    [Id(8)] public DateTimeOffset? LastEventAt { get => PackedInstant.Unpack(_lastEventAt); set => _lastEventAt = PackedInstant.Pack(value); }

    [Id(9)] public long EventsApplied { get; set; }

    /// <summary>Last tier every tier-change observer acknowledged; a difference is republished.</summary>
    [Id(10)] public string? PublishedTier { get; set; }

    /// <summary>The account this user last reported to, told to forget the user when it changes.</summary>
    [Id(11)] public string? ReportedAccountId { get; set; }

    /// <summary>
    /// Highest sequence whose event the account saved for its own signals. Events above it and
    /// at or below <see cref="AppliedSequence"/> are replayed to the account on activation.
    /// </summary>
    [Id(12)] public long AccountSavedSequence { get; set; }

    /// <summary>States under the shadow definition versions, saved with <see cref="ScoreState"/> (same applied sequence).</summary>
    [Id(13)] public List<ShadowCheckpoint>? Shadows { get; set; }

    /// <summary>Score at the end of the previous day and recent features, for lead briefs.</summary>
    [Id(14)] public UserRecentActivity Recent { get; set; } = new();

    /// <summary>The tier-crossing rule's tier after the last applied event, saved with <see cref="ScoreState"/>.</summary>
    [Id(15)] public string? CrossingTier { get; set; }

    /// <summary>
    /// Per tier, the event time of the latest upward crossing into it, saved with <see cref="ScoreState"/>. Like it, held
    /// only from a save's start to its end and from a read until the crossings are restored from it.
    /// </summary>
    [Id(16)] public Dictionary<string, DateTimeOffset>? TierCrossedAt { get; set; }

    /// <summary>
    /// The user was erased at this sequence of <see cref="Partition"/>: their events up to it are deleted from the log
    /// and never applied again, even by a state rebuilt from scratch. 0 when never erased.
    /// </summary>
    [Id(17)] public long ErasedThroughSequence { get; set; }
}
