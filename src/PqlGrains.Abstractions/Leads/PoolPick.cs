namespace PqlGrains.Abstractions.Leads;

/// <summary>A pool's answer: the rep who takes the lead, or the overflow queue and its manager.</summary>
/// <param name="RepId">Null when nobody was eligible.</param>
/// <param name="Explanation">Who was picked and who was skipped, and why.</param>
[GenerateSerializer, Immutable]
public sealed record PoolPick(
    [property: Id(0)] string PoolId,
    [property: Id(1)] string? RepId,
    [property: Id(2)] string? OverflowQueue,
    [property: Id(3)] string? OverflowManagerId,
    [property: Id(4)] string Explanation);
