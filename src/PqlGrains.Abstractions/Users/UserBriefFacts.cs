namespace PqlGrains.Abstractions.Users;

/// <summary>Facts for a lead brief that the current score does not carry.</summary>
/// <param name="ScoreYesterday">The score recorded 24 hours earlier (to the hour); null when none was recorded then.</param>
/// <param name="FeaturesUsed7Days">Features activated (<c>feature.activated</c>) in the last 7 days, most recent first.</param>
[GenerateSerializer]
public sealed record UserBriefFacts(
    [property: Id(0)] double? ScoreYesterday,
    [property: Id(1)] string[] FeaturesUsed7Days);
