using PqlGrains.Abstractions.Users;

namespace PqlGrains.Silo.Api;

/// <summary><c>GET /api/users/{userId}</c>.</summary>
/// <param name="TierAtLastEvent">The tier at the last event's time by the tier-crossing rule (what a backtest replays), null below every tier or while suppressed.</param>
/// <param name="TierCrossedAt">Per tier, the timestamp of the event that last lifted the user into (or past) it; <c>pql backtest</c> over the same events gives the same times.</param>
public sealed record UserResponse(
    string UserId,
    string? AccountId,
    double Score,
    string? Tier,
    string DefinitionVersion,
    IReadOnlyList<ScoreBreakdownItem> Breakdown,
    IReadOnlyList<string> TopSignals,
    bool RouteImmediately,
    DateTimeOffset? LastEventAt,
    DateTimeOffset EvaluatedAt,
    long EventsApplied,
    UserTraits Traits,
    string? TierAtLastEvent,
    IReadOnlyDictionary<string, DateTimeOffset> TierCrossedAt)
{
    public static UserResponse From(UserView view) => new(
        view.UserId,
        view.AccountId,
        view.Score.Score,
        view.Score.Tier,
        view.Score.DefinitionVersion,
        ScoreBreakdown.From(view.Score),
        view.Score.TopSignals,
        view.Score.RouteImmediately,
        view.LastEventAt,
        view.Score.EvaluatedAt,
        view.EventsApplied,
        view.Traits,
        view.TierAtLastEvent,
        view.TierCrossedAt ?? []);
}
