namespace PqlGrains.Calibration.Metrics;

/// <summary>
/// How well one set of flags (subject -> first time it qualified) predicted conversions among the
/// active population of a window.
/// <list type="bullet">
/// <item>Active: subjects with at least one event in the window (given by the caller).</item>
/// <item>Flagged: active subjects whose flag falls in the window and not after their conversion
/// (a paying customer is no longer a lead, so a flag after converting is ignored).</item>
/// <item>Converters: active subjects who converted in the window.</item>
/// <item>Precision: flagged subjects who converted within the horizon after the flag / flagged.</item>
/// <item>Recall: converters flagged at or before converting / converters.</item>
/// <item>Lead time: conversion minus flag, in days, for every converter flagged at or before
/// converting; the median is the mean of the two middle values for an even count, p10 is the
/// nearest-rank 10th percentile (the short end: how late the latest tenth of flags came).</item>
/// <item>Base rate: converters / active; lift: precision / base rate.</item>
/// </list>
/// </summary>
public sealed record QualificationMetrics(
    int Active,
    int Flagged,
    int Converters,
    int FlaggedThenConverted,
    int ConvertersFlaggedBefore,
    double PqlRate,
    double Precision,
    double Recall,
    double BaseRate,
    double Lift,
    double? MedianLeadTimeDays,
    double? P10LeadTimeDays,
    IReadOnlyList<double> LeadTimesDays)
{
    public static QualificationMetrics Compute(
        IReadOnlyCollection<string> activeSubjects,
        IReadOnlyDictionary<string, DateTimeOffset> flags,
        ConversionLedger conversions,
        BacktestWindow window)
    {
        var flagged = 0;
        var flaggedThenConverted = 0;
        var converters = 0;
        var leadTimes = new List<double>();
        foreach (var subject in activeSubjects)
        {
            var converted = conversions.TryGetConversion(subject, out var convertedAt);
            var hasFlag = flags.TryGetValue(subject, out var flaggedAt)
                && window.Contains(flaggedAt)
                && (!converted || flaggedAt <= convertedAt);
            if (hasFlag)
            {
                flagged++;
                if (converted && convertedAt - flaggedAt <= window.Horizon)
                {
                    flaggedThenConverted++;
                }
            }

            if (converted && window.Contains(convertedAt))
            {
                converters++;
                if (hasFlag)
                {
                    leadTimes.Add((convertedAt - flaggedAt).TotalDays);
                }
            }
        }

        leadTimes.Sort();
        var active = activeSubjects.Count;
        var precision = Ratio(flagged == 0 ? 0 : flaggedThenConverted, flagged);
        var baseRate = Ratio(converters, active);
        return new QualificationMetrics(
            active,
            flagged,
            converters,
            flaggedThenConverted,
            leadTimes.Count,
            Ratio(flagged, active),
            precision,
            Ratio(leadTimes.Count, converters),
            baseRate,
            baseRate == 0 ? 0 : precision / baseRate,
            Median(leadTimes),
            NearestRank(leadTimes, 0.10),
            leadTimes);
    }

    internal static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    internal static double? Median(IReadOnlyList<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };

    internal static double? NearestRank(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Count) - 1)];
}
