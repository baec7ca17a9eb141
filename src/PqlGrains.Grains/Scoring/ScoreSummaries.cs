using PqlGrains.Abstractions.Scores;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;

namespace PqlGrains.Grains.Scoring;

/// <summary>The engine's <see cref="ScoreResult"/> as the serializable summary grains exchange.</summary>
internal static class ScoreSummaries
{
    private static readonly string[] CategoryNames = [.. Enum.GetValues<SignalCategory>().Select(c => c.ToString().ToLowerInvariant())];

    public static ScoreSummary From(ScoreResult result)
    {
        var breakdown = new SignalPoints[result.Signals.Count];
        for (var i = 0; i < breakdown.Length; i++)
        {
            var signal = result.Signals[i];
            breakdown[i] = new SignalPoints(signal.SignalId, CategoryNames[(int)signal.Category], signal.Points);
        }

        return new ScoreSummary(
            result.Score,
            result.Tier?.Name,
            result.DefinitionVersion,
            breakdown,
            [.. result.TopSignals],
            result.EvaluatedAt,
            result.RouteImmediately,
            result.Suppression == SuppressionReason.None ? null : result.Suppression.ToString());
    }
}
