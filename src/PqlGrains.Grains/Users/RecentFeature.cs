namespace PqlGrains.Grains.Users;

/// <summary>A feature the user activated and when they last did.</summary>
[GenerateSerializer]
public sealed record RecentFeature([property: Id(0)] string Feature, DateTimeOffset At)
{
    /// <summary>
    /// Moved forward in place when the user activates the feature again: a new entry per feature.activated event
    /// lived just long enough (until the next activation of that feature) to be promoted out of gen0 before dying.
    /// Mutable, so equality and hash change with it: keep entries in lists, never in sets or as keys. It stays a
    /// record because Orleans encodes records and classes differently, and stored user states hold records.
    /// </summary>
    [Id(1)] public DateTimeOffset At { get; set; } = At;
}
