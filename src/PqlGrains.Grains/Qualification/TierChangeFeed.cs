using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Grains.Qualification;

/// <summary>Persisted state of the tier change feed: the newest changes, oldest first.</summary>
[GenerateSerializer]
public sealed class TierChangeFeed
{
    [Id(0)] public List<TierChanged> Changes { get; set; } = [];
}
