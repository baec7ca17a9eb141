using PqlGrains.Abstractions.Definitions;

namespace PqlGrains.Grains.Definitions;

[GenerateSerializer]
public sealed class ShadowLedgerState
{
    [Id(0)] public DateTimeOffset? StartedAt { get; set; }

    [Id(1)] public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>First crossing of each (subject, tier) under the shadow, oldest first.</summary>
    [Id(2)] public List<WouldBeLead> Shadow { get; set; } = [];

    /// <summary>First crossing of each (subject, tier) under the active definition in the same period.</summary>
    [Id(3)] public List<WouldBeLead> Active { get; set; } = [];

    [Id(4)] public bool Truncated { get; set; }
}
