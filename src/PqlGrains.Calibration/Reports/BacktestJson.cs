using System.Text.Json;

namespace PqlGrains.Calibration.Reports;

/// <summary>
/// The machine-readable backtest (<c>pql backtest --json</c>): camelCase, ratios in [0, 1],
/// lead times in days (null when nothing was flagged before converting).
/// </summary>
public static class BacktestJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static string Serialize(BacktestReport report) => JsonSerializer.Serialize(Shape(report), Options);

    internal static object Shape(BacktestReport report)
    {
        var m = report.Metrics;
        return new
        {
            definitionId = report.DefinitionId,
            definitionVersion = report.DefinitionVersion,
            level = report.Level.ToString().ToLowerInvariant(),
            from = report.Window.From,
            to = report.Window.To,
            horizonDays = report.Window.Horizon.TotalDays,
            qualifyingTier = report.QualifyingTier,
            qualifyingScore = report.QualifyingScore,
            eventsReplayed = report.EventsReplayed,
            activeSubjects = m.Active,
            flagged = m.Flagged,
            converters = m.Converters,
            pqlRate = m.PqlRate,
            precision = m.Precision,
            recall = m.Recall,
            baseRate = m.BaseRate,
            lift = m.Lift,
            medianLeadTimeDays = m.MedianLeadTimeDays,
            p10LeadTimeDays = m.P10LeadTimeDays,
            byTier = report.ByTier.Select(t => new { tier = t.Tier, subjects = t.Subjects, converted = t.Converted, rate = t.Rate }),
            signals = report.Signals.Select(s => new { signal = s.Signal, converterRate = s.ConverterRate, nonConverterRate = s.NonConverterRate, lift = s.Lift }),
            sweep = report.Sweep.Select(p => new
            {
                threshold = p.Threshold,
                pqlRate = p.Metrics.PqlRate,
                precision = p.Metrics.Precision,
                recall = p.Metrics.Recall,
                medianLeadTimeDays = p.Metrics.MedianLeadTimeDays,
            }),
        };
    }
}
