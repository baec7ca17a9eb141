using System.Globalization;

namespace PqlGrains.Calibration.Reports;

/// <summary>The terminal table of a backtest: headline numbers first, then tiers, signals and a coarse sweep.</summary>
public static class BacktestText
{
    public static void Write(BacktestReport report, TextWriter output)
    {
        var m = report.Metrics;
        var window = report.Window;
        output.WriteLine($"Backtest of definition '{report.DefinitionId}' version {report.DefinitionVersion} ({report.Level.ToString().ToLowerInvariant()}s)");
        output.WriteLine($"Window {window.From:yyyy-MM-dd} to {window.To:yyyy-MM-dd}, horizon {window.Horizon.TotalDays:0.#} days, {report.EventsReplayed:N0} events replayed");
        output.WriteLine($"Flagged = first reached tier '{report.QualifyingTier}' (score >= {F(report.QualifyingScore)})");
        output.WriteLine();
        Row(output, "active subjects", m.Active.ToString("N0", CultureInfo.InvariantCulture));
        Row(output, "flagged (PQLs)", $"{m.Flagged:N0}  ({Pct(m.PqlRate)} of active)");
        Row(output, "converters", $"{m.Converters:N0}  (base rate {Pct(m.BaseRate)})");
        Row(output, "precision", $"{Pct(m.Precision)}  ({m.FlaggedThenConverted:N0} flagged then converted within the horizon)");
        Row(output, "recall", $"{Pct(m.Recall)}  ({m.ConvertersFlaggedBefore:N0} converters flagged before converting)");
        Row(output, "lift over base rate", $"{F(m.Lift)}x");
        Row(output, "lead time median", Days(m.MedianLeadTimeDays));
        Row(output, "lead time p10", Days(m.P10LeadTimeDays));
        output.WriteLine();
        output.WriteLine("Conversion by highest tier reached");
        output.WriteLine($"  {"tier",-14} {"subjects",10} {"converted",10} {"rate",8}");
        foreach (var tier in report.ByTier)
        {
            output.WriteLine($"  {tier.Tier,-14} {tier.Subjects,10:N0} {tier.Converted,10:N0} {Pct(tier.Rate),8}");
        }

        output.WriteLine();
        output.WriteLine("Signal lift (rate among converters before converting vs among non-converters)");
        output.WriteLine($"  {"signal",-22} {"converters",11} {"others",8} {"lift",7}");
        foreach (var signal in report.Signals)
        {
            output.WriteLine($"  {signal.Signal,-22} {Pct(signal.ConverterRate),11} {Pct(signal.NonConverterRate),8} {(signal.Lift is { } lift ? F(lift) + "x" : "only conv."),7}");
        }

        output.WriteLine();
        output.WriteLine("Threshold sweep");
        output.WriteLine($"  {"threshold",9} {"PQL rate",9} {"precision",9} {"recall",7} {"median lead",12}");
        foreach (var point in report.Sweep.Where((_, i) => i % 4 == 3))
        {
            var p = point.Metrics;
            output.WriteLine($"  {F(point.Threshold),9} {Pct(p.PqlRate),9} {Pct(p.Precision),9} {Pct(p.Recall),7} {Days(p.MedianLeadTimeDays),12}");
        }
    }

    internal static string Pct(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    internal static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string Days(double? days) => days is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) + " days" : "n/a";

    private static void Row(TextWriter output, string label, string value) => output.WriteLine($"  {label,-22} {value}");
}
