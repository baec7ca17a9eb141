using PqlGrains.Abstractions.Users;

namespace PqlGrains.Silo.Api;

/// <summary><c>GET /api/users/{userId}</c>.</summary>
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
    UserTraits Traits)
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
        view.Traits);
}
