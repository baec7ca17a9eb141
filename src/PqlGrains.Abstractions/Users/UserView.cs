using PqlGrains.Abstractions.Scores;

namespace PqlGrains.Abstractions.Users;

/// <summary>A user's current score and what we know about them, for the read API and alerts.</summary>
[GenerateSerializer, Immutable]
public sealed record UserView(
    [property: Id(0)] string UserId,
    [property: Id(1)] string? AccountId,
    [property: Id(2)] ScoreSummary Score,
    [property: Id(3)] DateTimeOffset? LastEventAt,
    [property: Id(4)] UserTraits Traits,
    [property: Id(5)] long EventsApplied);
