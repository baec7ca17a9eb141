namespace PqlGrains.Abstractions.Accounts;

[GenerateSerializer, Immutable]
public sealed record AccountMemberView(
    [property: Id(0)] string UserId,
    [property: Id(1)] double Score,
    [property: Id(2)] string? Tier,
    [property: Id(3)] DateTimeOffset? LastEventAt,
    [property: Id(4)] string? Email);
