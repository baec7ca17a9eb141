namespace PqlGrains.Calibration.Metrics;

/// <summary>
/// How much more often a signal fired for converters (before converting, in the window) than for
/// subjects who never converted. Playbooks call a signal high-value at a lift of 2 or more.
/// <see cref="Lift"/> is null when no non-converter showed the signal.
/// </summary>
public sealed record SignalLift(string Signal, double ConverterRate, double NonConverterRate, double? Lift)
{
    /// <param name="signalsFired">For each subject, each signal and the first time it fired; a signal
    /// first fired before the window counts as absent.</param>
    public static IReadOnlyList<SignalLift> Compute(
        IReadOnlyCollection<string> activeSubjects,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, DateTimeOffset>> signalsFired,
        ConversionLedger conversions,
        BacktestWindow window)
    {
        var converterCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var otherCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var converters = 0;
        var others = 0;
        foreach (var subject in activeSubjects)
        {
            var converted = conversions.TryGetConversion(subject, out var convertedAt);
            if (converted && !window.Contains(convertedAt))
            {
                continue;
            }

            var counts = converted ? converterCounts : otherCounts;
            if (converted)
            {
                converters++;
            }
            else
            {
                others++;
            }

            if (!signalsFired.TryGetValue(subject, out var fired))
            {
                continue;
            }

            foreach (var (signal, firstAt) in fired)
            {
                if (window.Contains(firstAt) && (!converted || firstAt <= convertedAt))
                {
                    counts[signal] = counts.GetValueOrDefault(signal) + 1;
                }
            }
        }

        return converterCounts.Keys.Union(otherCounts.Keys)
            .Select(signal =>
            {
                var converterRate = QualificationMetrics.Ratio(converterCounts.GetValueOrDefault(signal), converters);
                var otherRate = QualificationMetrics.Ratio(otherCounts.GetValueOrDefault(signal), others);
                return new SignalLift(signal, converterRate, otherRate, otherRate == 0 ? null : converterRate / otherRate);
            })
            .OrderByDescending(l => l.Lift ?? double.MaxValue)
            .ThenBy(l => l.Signal, StringComparer.Ordinal)
            .ToList();
    }
}
