using PqlGrains.Abstractions.Scores;

namespace PqlGrains.Abstractions.Accounts;

/// <summary>An account's rolled-up score, its users and traits, for the read API and alerts.</summary>
/// <param name="ActiveUsers7d">Users with an event in the seven days before evaluation.</param>
/// <param name="ScoreYesterday">The roll-up score recorded 24 hours before evaluation (to the hour); null when none was.</param>
[GenerateSerializer, Immutable]
public sealed record AccountView(
    [property: Id(0)] string AccountId,
    [property: Id(1)] ScoreSummary Score,
    [property: Id(2)] DateTimeOffset? LastEventAt,
    [property: Id(3)] AccountTraits Traits,
    [property: Id(4)] AccountMemberView[] Users,
    [property: Id(5)] int ActiveUsers7d,
    [property: Id(6)] double? ScoreYesterday = null);
