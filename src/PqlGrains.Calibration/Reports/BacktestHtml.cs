using System.Globalization;
using System.Net;
using System.Text;
using static PqlGrains.Calibration.Reports.BacktestText;

namespace PqlGrains.Calibration.Reports;

/// <summary>
/// A self-contained HTML page of a backtest: headline numbers, a precision/recall curve from the
/// threshold sweep and a lead-time histogram, both inline SVG. No scripts, no external files,
/// so it can be mailed or attached to a definition's pull request.
/// </summary>
public static class BacktestHtml
{
    private const int Width = 420;
    private const int Height = 260;
    private const int Margin = 40;

    public static string Render(BacktestReport report)
    {
        var m = report.Metrics;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest ")
            .Append(E(report.DefinitionId)).Append(" v").Append(E(report.DefinitionVersion)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append(".charts{display:flex;gap:2em;flex-wrap:wrap}svg text{font-size:11px}</style></head><body>");
        html.Append("<h1>Backtest of '").Append(E(report.DefinitionId)).Append("' version ").Append(E(report.DefinitionVersion)).Append("</h1>");
        html.Append("<p>").Append(report.Level == Replay.SubjectLevel.User ? "Users" : "Accounts").Append(", ")
            .Append(report.Window.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(" to ")
            .Append(report.Window.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(", horizon ")
            .Append(F(report.Window.Horizon.TotalDays)).Append(" days. Flagged = first reached tier '").Append(E(report.QualifyingTier))
            .Append("' (score &ge; ").Append(F(report.QualifyingScore)).Append(").</p>");
        html.Append("<table><tr><th>metric</th><th>value</th></tr>");
        Row(html, "PQL rate (flagged / active)", $"{Pct(m.PqlRate)} ({m.Flagged:N0} of {m.Active:N0})");
        Row(html, "Precision", Pct(m.Precision));
        Row(html, "Recall", Pct(m.Recall));
        Row(html, "Base rate", Pct(m.BaseRate));
        Row(html, "Lift", F(m.Lift) + "x");
        Row(html, "Median lead time", Days(m.MedianLeadTimeDays));
        Row(html, "p10 lead time", Days(m.P10LeadTimeDays));
        html.Append("</table><div class=\"charts\">");
        AppendPrecisionRecall(html, report);
        AppendLeadTimes(html, m.LeadTimesDays);
        html.Append("</div><h2>Conversion by tier</h2><table><tr><th>tier</th><th>subjects</th><th>converted</th><th>rate</th></tr>");
        foreach (var tier in report.ByTier)
        {
            html.Append("<tr><td>").Append(E(tier.Tier)).Append("</td><td>").Append(tier.Subjects).Append("</td><td>").Append(tier.Converted).Append("</td><td>").Append(Pct(tier.Rate)).Append("</td></tr>");
        }

        html.Append("</table><h2>Signal lift</h2><table><tr><th>signal</th><th>converters</th><th>non-converters</th><th>lift</th></tr>");
        foreach (var signal in report.Signals)
        {
            html.Append("<tr><td>").Append(E(signal.Signal)).Append("</td><td>").Append(Pct(signal.ConverterRate)).Append("</td><td>").Append(Pct(signal.NonConverterRate))
                .Append("</td><td>").Append(signal.Lift is { } lift ? F(lift) + "x" : "converters only").Append("</td></tr>");
        }

        html.Append("</table></body></html>");
        return html.ToString();
    }

    private static void AppendPrecisionRecall(StringBuilder html, BacktestReport report)
    {
        html.Append("<figure><figcaption>Precision / recall by threshold</figcaption>");
        OpenChart(html, "recall", "precision");
        var points = report.Sweep
            .Select(p => (X: X(p.Metrics.Recall), Y: Y(p.Metrics.Precision), p.Threshold))
            .ToList();
        html.Append("<polyline fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\" points=\"")
            .AppendJoin(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}")).Append("\"/>");
        foreach (var point in points)
        {
            var current = point.Threshold == report.QualifyingScore;
            html.Append("<circle cx=\"").Append(N(point.X)).Append("\" cy=\"").Append(N(point.Y)).Append("\" r=\"").Append(current ? 5 : 2)
                .Append("\" fill=\"").Append(current ? "#dc2626" : "#2563eb").Append("\"><title>threshold ").Append(F(point.Threshold)).Append("</title></circle>");
        }

        html.Append("</svg></figure>");
    }

    private static void AppendLeadTimes(StringBuilder html, IReadOnlyList<double> leadTimes)
    {
        html.Append("<figure><figcaption>Lead time, flag to conversion (weeks)</figcaption>");
        OpenChart(html, "days", "converters");
        if (leadTimes.Count > 0)
        {
            var bins = new int[(int)(leadTimes.Max() / 7) + 1];
            foreach (var days in leadTimes)
            {
                bins[(int)(days / 7)]++;
            }

            var tallest = bins.Max();
            var barWidth = (double)(Width - 2 * Margin) / bins.Length;
            for (var i = 0; i < bins.Length; i++)
            {
                var barHeight = (Height - 2 * Margin) * bins[i] / (double)tallest;
                html.Append("<rect x=\"").Append(N(Margin + i * barWidth + 1)).Append("\" y=\"").Append(N(Height - Margin - barHeight))
                    .Append("\" width=\"").Append(N(Math.Max(1, barWidth - 2))).Append("\" height=\"").Append(N(barHeight)).Append("\" fill=\"#16a34a\"><title>")
                    .Append(i * 7).Append('-').Append(i * 7 + 7).Append(" days: ").Append(bins[i]).Append("</title></rect>");
            }

            html.Append("<text x=\"").Append(Width - Margin).Append("\" y=\"").Append(Height - Margin + 14).Append("\" text-anchor=\"end\">").Append(bins.Length * 7).Append("</text>");
            html.Append("<text x=\"").Append(Margin - 4).Append("\" y=\"").Append(Margin + 4).Append("\" text-anchor=\"end\">").Append(tallest).Append("</text>");
        }

        html.Append("</svg></figure>");
    }

    private static void OpenChart(StringBuilder html, string xLabel, string yLabel)
    {
        html.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Width).Append("\" height=\"").Append(Height).Append("\" role=\"img\">")
            .Append("<line x1=\"").Append(Margin).Append("\" y1=\"").Append(Height - Margin).Append("\" x2=\"").Append(Width - Margin).Append("\" y2=\"").Append(Height - Margin).Append("\" stroke=\"#555\"/>")
            .Append("<line x1=\"").Append(Margin).Append("\" y1=\"").Append(Margin).Append("\" x2=\"").Append(Margin).Append("\" y2=\"").Append(Height - Margin).Append("\" stroke=\"#555\"/>")
            .Append("<text x=\"").Append(Width / 2).Append("\" y=\"").Append(Height - 8).Append("\" text-anchor=\"middle\">").Append(xLabel).Append("</text>")
            .Append("<text x=\"12\" y=\"").Append(Height / 2).Append("\" transform=\"rotate(-90 12 ").Append(Height / 2).Append(")\" text-anchor=\"middle\">").Append(yLabel).Append("</text>");
    }

    private static double X(double ratio) => Margin + ratio * (Width - 2 * Margin);

    private static double Y(double ratio) => Height - Margin - ratio * (Height - 2 * Margin);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><td>").Append(E(label)).Append("</td><td>").Append(E(value)).Append("</td></tr>");
}
