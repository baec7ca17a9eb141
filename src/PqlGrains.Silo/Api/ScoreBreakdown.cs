using PqlGrains.Abstractions.Scores;

namespace PqlGrains.Silo.Api;

internal static class ScoreBreakdown
{
    public static IReadOnlyList<ScoreBreakdownItem> From(ScoreSummary summary) =>
        [.. summary.Breakdown.Select(item => new ScoreBreakdownItem(item.Signal, item.Category, item.Points))];
}
