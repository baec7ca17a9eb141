using PqlGrains.Abstractions.Scores;

namespace PqlGrains.Abstractions.Users;

/// <summary>A user's current score and what we know about them, for the read API and alerts.</summary>
/// <param name="TierAtLastEvent">The tier at the last applied event's time by the tier-crossing rule (none while suppressed).</param>
/// <param name="TierCrossedAt">Per tier, the timestamp of the event that last lifted the user into (or past) it.</param>
[GenerateSerializer, Immutable]
public sealed record UserView(
    [property: Id(0)] string UserId,
    [property: Id(1)] string? AccountId,
    [property: Id(2)] ScoreSummary Score,
    [property: Id(3)] DateTimeOffset? LastEventAt,
    [property: Id(4)] UserTraits Traits,
    [property: Id(5)] long EventsApplied,
    [property: Id(6)] string? TierAtLastEvent = null,
    [property: Id(7)] Dictionary<string, DateTimeOffset>? TierCrossedAt = null);
