namespace PqlGrains.Scoring.Definitions;

/// <summary>When a qualified score must not reach sales.</summary>
/// <param name="PlanTrait">The identify/group trait holding the plan (e.g. <c>plan</c>), or null.</param>
/// <param name="PayingPlans">Plan values that mean "already paying".</param>
/// <param name="StaleAfterDays">No track/page/screen activity for this many days suppresses, or null.</param>
public sealed record SuppressionRules(string? PlanTrait, IReadOnlyList<string> PayingPlans, int? StaleAfterDays)
{
    public static SuppressionRules None { get; } = new(null, [], null);
}
