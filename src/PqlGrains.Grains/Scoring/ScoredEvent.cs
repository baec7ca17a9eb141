using PqlGrains.Scoring.Evaluation;

namespace PqlGrains.Grains.Scoring;

/// <summary>What applying one event to a user did.</summary>
/// <param name="IsNew">False when its messageId was already applied (nothing changed).</param>
/// <param name="RouteImmediately">A route-immediately signal earned points from it.</param>
/// <param name="Rise">The upward tier crossing it made at its timestamp, if any.</param>
public readonly record struct ScoredEvent(bool IsNew, bool RouteImmediately, TierRise? Rise);
