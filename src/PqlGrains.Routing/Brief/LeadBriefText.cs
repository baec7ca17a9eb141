using System.Globalization;
using System.Net;
using System.Text;

namespace PqlGrains.Routing.Brief;

/// <summary>Renders a <see cref="LeadBrief"/> as a CRM task subject and a plain-text or HTML body.</summary>
public static class LeadBriefText
{
    public static string TaskSubject(LeadBrief brief) =>
        $"PQL {Tier(brief.Tier)}: {brief.AccountDisplay} ({brief.Contact.Display}), score {Number(brief.Score)}";

    /// <summary>One line per fact, in the order a rep reads them; also the Salesforce Description.</summary>
    public static IReadOnlyList<(string Label, string Value)> Facts(LeadBrief brief, DateTimeOffset now)
    {
        var facts = new List<(string, string)>
        {
            ("Account", brief.Account is null ? "(no account: individual user)" : Join(brief.AccountDisplay, brief.Account.Domain)),
            ("Contact", Join(brief.Contact.Name, brief.Contact.Email, brief.Contact.Title) is { Length: > 0 } contact ? contact : brief.Contact.UserId),
            ("Score", $"{Number(brief.Score)} ({Tier(brief.Tier)}){Yesterday(brief)}"),
            ("Threshold crossed", $"{Ago(brief.SinceThreshold(now))} ago ({brief.ThresholdCrossedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC)"),
        };

        if (brief.TopSignals.Count > 0) facts.Add(("Top signals", string.Join("; ", brief.TopSignals)));
        if (brief.Categories.Count > 0) facts.Add(("By category", string.Join(", ", brief.Categories.Select(c => $"{c.Category} {Number(c.Points)}"))));
        if (brief.Signals.Count > 0) facts.Add(("By signal", string.Join(", ", brief.Signals.OrderByDescending(s => s.Points).Select(s => $"{s.Signal} {Number(s.Points)}"))));
        if (brief.ActiveUsers7Days is { } active) facts.Add(("Active users (7 days)", active.ToString(CultureInfo.InvariantCulture)));
        if (brief.FeaturesUsed7Days.Count > 0) facts.Add(("Features used (7 days)", string.Join(", ", brief.FeaturesUsed7Days)));
        if (brief.Plan is { } plan) facts.Add(("Plan", plan.Plan + string.Concat(plan.Usage.Select(u => $"; {u.Metric} {Number(u.Used)}/{Number(u.Limit)} ({u.Ratio:P0})"))));
        if (brief.Firmographics is { IsEmpty: false } firm) facts.Add(("Company", Firmographic(firm)));
        facts.Add(("Suggested opening", brief.SuggestedOpeningLine));
        facts.Add(("Lead", brief.LeadUrl.ToString()));
        facts.Add(("Definition", brief.DefinitionVersion));
        return facts;
    }

    public static string PlainText(LeadBrief brief, DateTimeOffset now)
    {
        var text = new StringBuilder();
        foreach (var (label, value) in Facts(brief, now))
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>HTML for CRMs that render rich task bodies (HubSpot's hs_task_body).</summary>
    public static string Html(LeadBrief brief, DateTimeOffset now)
    {
        var html = new StringBuilder("<ul>");
        foreach (var (label, value) in Facts(brief, now))
        {
            var shown = label == "Lead"
                ? $"<a href=\"{WebUtility.HtmlEncode(value)}\">{WebUtility.HtmlEncode(value)}</a>"
                : WebUtility.HtmlEncode(value);
            html.Append("<li><strong>").Append(WebUtility.HtmlEncode(label)).Append(":</strong> ").Append(shown).Append("</li>");
        }

        return html.Append("</ul>").ToString();
    }

    public static string Ago(TimeSpan elapsed) => elapsed switch
    {
        { TotalMinutes: < 1 } => "under a minute",
        { TotalHours: < 1 } => $"{(int)elapsed.TotalMinutes} min",
        { TotalDays: < 2 } => $"{(int)elapsed.TotalHours} h {elapsed.Minutes} min",
        _ => $"{(int)elapsed.TotalDays} days",
    };

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Tier(string tier) => tier.Replace('_', '-');

    private static string Yesterday(LeadBrief brief) => brief.ScoreYesterday is { } yesterday
        ? $", yesterday {Number(yesterday)} ({(brief.Score - yesterday >= 0 ? "+" : "")}{Number(brief.Score - yesterday)})"
        : string.Empty;

    private static string Firmographic(Enrichment.Firmographics firm)
    {
        var parts = new List<string>();
        if (firm.Employees is { } employees) parts.Add($"{employees.ToString(CultureInfo.InvariantCulture)} employees");
        if (firm.Industry is { } industry) parts.Add(industry);
        if (firm.Country is not null || firm.Region is not null) parts.Add(Join(firm.Country, firm.Region));
        if (firm.EstimatedArr is { } arr) parts.Add($"est. ARR {arr.ToString("$#,0", CultureInfo.InvariantCulture)}");
        return string.Join(", ", parts) + $" (source: {firm.Source})";
    }

    private static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
