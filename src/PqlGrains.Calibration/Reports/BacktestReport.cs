using PqlGrains.Calibration.Metrics;
using PqlGrains.Calibration.Replay;

namespace PqlGrains.Calibration.Reports;

/// <summary>Everything <c>pql backtest</c> reports for one definition over one window.</summary>
public sealed record BacktestReport(
    string DefinitionId,
    string DefinitionVersion,
    SubjectLevel Level,
    BacktestWindow Window,
    string QualifyingTier,
    double QualifyingScore,
    long EventsReplayed,
    QualificationMetrics Metrics,
    IReadOnlyList<TierConversion> ByTier,
    IReadOnlyList<ThresholdPoint> Sweep,
    IReadOnlyList<SignalLift> Signals)
{
    /// <summary>
    /// Judges a replay: a subject is flagged the first time its unsuppressed score reached the
    /// qualifying tier (by default the highest tier, e.g. sales_ready at 80).
    /// </summary>
    public static BacktestReport Build(ReplayResult replay, ConversionLedger conversions, BacktestWindow window, string? qualifyingTier = null)
    {
        var tiers = replay.Definition.Tiers;
        if (tiers.Count == 0)
        {
            throw new ArgumentException($"Definition '{replay.Definition.Id}' has no tiers, so nothing ever qualifies; add tiers to backtest it.");
        }

        var tier = qualifyingTier is null ? tiers[^1] : tiers.FirstOrDefault(t => t.Name == qualifyingTier)
            ?? throw new ArgumentException($"Tier '{qualifyingTier}' is not in definition '{replay.Definition.Id}'; its tiers are {string.Join(", ", tiers.Select(t => t.Name))}.");
        var active = replay.ActiveIn(window);
        var trajectories = replay.Subjects.ToDictionary(s => s.Key, s => s.Value.Trajectory, StringComparer.Ordinal);
        return new BacktestReport(
            replay.Definition.Id,
            replay.Definition.Version,
            replay.Level,
            window,
            tier.Name,
            tier.MinScore,
            replay.EventsReplayed,
            QualificationMetrics.Compute(active, replay.FlagsAt(tier.MinScore), conversions, window),
            TierConversion.Compute(active, tiers.Select(t => t.Name).ToList(), replay.Subjects.Values.SelectMany(s => s.Crossings), conversions, window),
            ThresholdPoint.Sweep(active, trajectories, conversions, window, SweepThresholds(tier.MinScore)),
            SignalLift.Compute(active, replay.Subjects.ToDictionary(s => s.Key, s => s.Value.SignalsFired, StringComparer.Ordinal), conversions, window));
    }

    /// <summary>From a quarter of the qualifying score to twice it, in twentieths: enough to draw the curve and read off a threshold.</summary>
    internal static IEnumerable<double> SweepThresholds(double qualifyingScore)
    {
        var top = Math.Max(qualifyingScore, 1) * 2;
        for (var step = 1; step <= 40; step++)
        {
            yield return Math.Round(top * step / 40, 2);
        }
    }
}
