using PqlGrains.Abstractions.Accounts;

namespace PqlGrains.Silo.Api;

/// <summary><c>GET /api/accounts/{accountId}</c>: users ordered by score, highest first.</summary>
public sealed record AccountResponse(
    string AccountId,
    double Score,
    string? Tier,
    string DefinitionVersion,
    IReadOnlyList<ScoreBreakdownItem> Breakdown,
    IReadOnlyList<string> TopSignals,
    bool RouteImmediately,
    DateTimeOffset? LastEventAt,
    DateTimeOffset EvaluatedAt,
    int ActiveUsers7d,
    AccountTraits Traits,
    IReadOnlyList<AccountMemberView> Users)
{
    public static AccountResponse From(AccountView view) => new(
        view.AccountId,
        view.Score.Score,
        view.Score.Tier,
        view.Score.DefinitionVersion,
        ScoreBreakdown.From(view.Score),
        view.Score.TopSignals,
        view.Score.RouteImmediately,
        view.LastEventAt,
        view.Score.EvaluatedAt,
        view.ActiveUsers7d,
        view.Traits,
        view.Users);
}
