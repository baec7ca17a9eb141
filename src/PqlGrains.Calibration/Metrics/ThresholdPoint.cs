namespace PqlGrains.Calibration.Metrics;

/// <summary>What the flags would have been had the qualification threshold been <see cref="Threshold"/>.</summary>
public sealed record ThresholdPoint(double Threshold, QualificationMetrics Metrics)
{
    public static IReadOnlyList<ThresholdPoint> Sweep(
        IReadOnlyCollection<string> activeSubjects,
        IReadOnlyDictionary<string, ScoreTrajectory> trajectories,
        ConversionLedger conversions,
        BacktestWindow window,
        IEnumerable<double> thresholds)
    {
        var points = new List<ThresholdPoint>();
        foreach (var threshold in thresholds.Order())
        {
            var flags = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            foreach (var (subject, trajectory) in trajectories)
            {
                if (trajectory.FirstReached(threshold) is { } at)
                {
                    flags[subject] = at;
                }
            }

            points.Add(new ThresholdPoint(threshold, QualificationMetrics.Compute(activeSubjects, flags, conversions, window)));
        }

        return points;
    }
}
