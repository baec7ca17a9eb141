namespace PqlGrains.Abstractions.Qualification;

/// <summary>
/// A user or account crossed a tier boundary (up or down). Delivered at least once: a subject
/// recovering from a crash republishes a change it may not have delivered, so consumers
/// dedupe on (subject, new tier, definition version).
/// </summary>
/// <param name="OldTier">Tier before, null when below every tier.</param>
/// <param name="NewTier">Tier now, null when the subject dropped below every tier.</param>
/// <param name="AccountId">The user's account when <see cref="Kind"/> is User and it is known.</param>
/// <param name="At">
/// When the subject crossed: for a user's rise, the timestamp of the event that made it (the rule the backtest
/// replays with); otherwise, and for accounts, when the change was noticed.
/// </param>
/// <param name="RouteImmediately">An event-tier signal asked for routing without waiting.</param>
/// <param name="DetectedAt">Wall-clock time the change was noticed and published, when it differs from <paramref name="At"/>'s meaning (null from older publishers).</param>
[GenerateSerializer, Immutable]
public sealed record TierChanged(
    [property: Id(0)] SubjectKind Kind,
    [property: Id(1)] string SubjectId,
    [property: Id(2)] string? OldTier,
    [property: Id(3)] string? NewTier,
    [property: Id(4)] double Score,
    [property: Id(5)] string DefinitionVersion,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] bool RouteImmediately,
    [property: Id(8)] string? AccountId = null,
    [property: Id(9)] DateTimeOffset? DetectedAt = null);
