namespace PqlGrains.Grains.Users;

[GenerateSerializer]
public sealed record RecentFeature([property: Id(0)] string Feature, [property: Id(1)] DateTimeOffset At);
