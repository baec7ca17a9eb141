using PqlGrains.Abstractions.Scores;

namespace PqlGrains.Abstractions.Accounts;

/// <summary>A user's latest score, reported to the account the user belongs to.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountMemberReport(
    [property: Id(0)] string UserId,
    [property: Id(1)] ScoreSummary Score,
    [property: Id(2)] DateTimeOffset? LastEventAt,
    [property: Id(3)] string? Email);
