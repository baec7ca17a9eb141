using PqlGrains.Abstractions.Ingest;

namespace PqlGrains.Abstractions.Accounts;

/// <summary>
/// A user's latest score plus the user's events the account has not confirmed yet (they feed
/// account-level signals). <see cref="Events"/> are in the user's partition sequence order; the
/// account skips those at or below what it already applied for this member.
/// </summary>
/// <param name="ShadowScores">The user's score under each shadow definition version (null when none runs).</param>
[GenerateSerializer, Immutable]
public sealed record AccountMemberReport(
    [property: Id(0)] string UserId,
    [property: Id(1)] double Score,
    [property: Id(2)] string? Tier,
    [property: Id(3)] DateTimeOffset EvaluatedAt,
    [property: Id(4)] DateTimeOffset? LastEventAt,
    [property: Id(5)] string? Email,
    [property: Id(6)] int Partition,
    [property: Id(7)] LoggedEvent[] Events,
    [property: Id(8)] ShadowMemberScore[]? ShadowScores = null);
