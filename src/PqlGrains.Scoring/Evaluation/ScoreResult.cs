using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Evaluation;

/// <summary>A score at one instant with everything needed to explain it.</summary>
/// <param name="Score">Weighted decayed points (plus the member rollup for accounts), rounded to 1e-6.</param>
/// <param name="Tier">The band the score falls in, or null below the lowest tier.</param>
/// <param name="Suppression">Why outreach must be held back despite the tier, or None.</param>
/// <param name="Signals">Every signal with its decayed points, highest first.</param>
/// <param name="TopSignals">Plain-language explanations of the strongest contributing signals.</param>
/// <param name="RouteImmediately">A route-immediately signal occurred on the evaluation day.</param>
/// <param name="MemberRollup">Accounts: the sum of the top users' decayed scores; 0 for users.</param>
/// <param name="TopMembers">Accounts: the users counted in the rollup.</param>
public sealed record ScoreResult(
    string DefinitionId,
    string DefinitionVersion,
    DateTimeOffset EvaluatedAt,
    double Score,
    Tier? Tier,
    SuppressionReason Suppression,
    IReadOnlyList<SignalScore> Signals,
    IReadOnlyList<CategoryScore> Categories,
    IReadOnlyList<string> TopSignals,
    bool RouteImmediately,
    double MemberRollup,
    IReadOnlyList<MemberScore> TopMembers)
{
    /// <summary>In a tier and not suppressed: a lead should be open.</summary>
    public bool IsQualified => Tier is not null && Suppression == SuppressionReason.None;
}
