using System.Globalization;
using System.Text.Json.Nodes;
using PqlGrains.Integrations.Alerts;
using PqlGrains.Routing.Brief;

namespace PqlGrains.Integrations.Slack;

/// <summary>
/// Block Kit message for a lead alert: header, a section of fields, the suggested opening, a context line and
/// buttons to the lead and the CRM record. Respects Slack's limits (header 150 chars, 10 fields of 2,000 chars).
/// </summary>
public static class SlackMessage
{
    private const int HeaderLimit = 150;
    private const int FieldLimit = 2000;
    private const int SectionLimit = 3000;
    private const int MaxFields = 10;

    public static JsonObject Build(LeadAlert alert)
    {
        var brief = alert.Brief;
        var headline = Headline(alert);
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(Limit(headline, HeaderLimit)) },
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = Markdown(Limit(TopSignals(brief), SectionLimit)),
                ["fields"] = new JsonArray(Fields(alert).Take(MaxFields).Select(field => (JsonNode)Markdown(Limit(field, FieldLimit))).ToArray()),
            },
            new JsonObject { ["type"] = "section", ["text"] = Markdown(Limit($"*Suggested opening*\n>{Escape(brief.SuggestedOpeningLine)}", SectionLimit)) },
            new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Markdown(Limit(Context(alert), FieldLimit))) },
            new JsonObject { ["type"] = "actions", ["elements"] = Buttons(alert) },
        };

        // The top-level text is the notification fallback and Slack reads it as mrkdwn: unescaped, an
        // account named "<!channel>" in customers' group traits would notify the whole channel.
        return new JsonObject { ["text"] = Escape(headline), ["blocks"] = blocks };
    }

    public static string Headline(LeadAlert alert)
    {
        var brief = alert.Brief;
        var subject = $"{LeadBriefText.Tier(brief.Tier)} PQL: {brief.AccountDisplay} (score {LeadBriefText.Number(brief.Score)})";
        return alert.Kind switch
        {
            AlertKind.Requeued => $"SLA missed, re-queued: {subject}",
            AlertKind.Escalated => $"Escalated to manager: {subject}",
            AlertKind.Overflow => $"Nobody available: {subject}",
            _ => subject,
        };
    }

    private static IEnumerable<string> Fields(LeadAlert alert)
    {
        var brief = alert.Brief;
        yield return $"*Contact*\n{Escape(Join(brief.Contact.Name, brief.Contact.Email) is { Length: > 0 } who ? who : brief.Contact.UserId)}";
        yield return $"*Score*\n{LeadBriefText.Number(brief.Score)} ({Escape(LeadBriefText.Tier(brief.Tier))})" + (brief.ScoreYesterday is { } y ? $", yesterday {LeadBriefText.Number(y)}" : string.Empty);
        yield return $"*Assigned to*\n{Escape(alert.AssignedTo ?? "nobody yet")}";
        if (alert.SlaDeadline is { } due) yield return $"*Contact by*\n{due.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
        if (brief.Firmographics is { IsEmpty: false } firm)
        {
            yield return $"*Company*\n{Escape(Join(firm.Employees is { } e ? $"{e} employees" : null, firm.Industry, firm.Country, firm.Region, firm.EstimatedArr is { } arr ? $"est. ARR {arr.ToString("$#,0", CultureInfo.InvariantCulture)}" : null))}";
        }

        if (brief.Plan is { } plan) yield return $"*Plan*\n{Escape(plan.Plan + string.Concat(plan.Usage.Select(u => $", {u.Metric} {LeadBriefText.Number(u.Used)}/{LeadBriefText.Number(u.Limit)}")))}";
        if (brief.ActiveUsers7Days is { } active) yield return $"*Active users (7d)*\n{active}";
        if (brief.FeaturesUsed7Days.Count > 0) yield return $"*Features (7d)*\n{Escape(string.Join(", ", brief.FeaturesUsed7Days))}";
        if (brief.Categories.Count > 0) yield return $"*By category*\n{Escape(string.Join(", ", brief.Categories.Select(c => $"{c.Category} {LeadBriefText.Number(c.Points)}")))}";
    }

    private static string TopSignals(LeadBrief brief) => brief.TopSignals.Count == 0
        ? "*Top signals*\n(no signal details)"
        : "*Top signals*\n" + string.Join("\n", brief.TopSignals.Select(signal => "• " + Escape(signal)));

    private static string Context(LeadAlert alert)
    {
        var brief = alert.Brief;
        var parts = new List<string> { $"Threshold crossed {LeadBriefText.Ago(brief.SinceThreshold(alert.At))} ago", $"definition {brief.DefinitionVersion}", $"lead {brief.LeadId}" };
        if (alert.Reason is { Length: > 0 } reason) parts.Add(reason);
        return Escape(string.Join(" · ", parts));
    }

    private static JsonArray Buttons(LeadAlert alert)
    {
        var buttons = new JsonArray(Button("Open lead", alert.Brief.LeadUrl, "open_lead", primary: alert.RecordUrl is null));
        if (alert.RecordUrl is { } record)
        {
            buttons.Add(Button("Open in CRM", record, "open_crm_record", primary: true));
        }

        return buttons;
    }

    private static JsonObject Button(string text, Uri url, string actionId, bool primary)
    {
        var button = new JsonObject { ["type"] = "button", ["text"] = PlainText(text), ["url"] = url.ToString(), ["action_id"] = actionId };
        if (primary)
        {
            button["style"] = "primary";
        }

        return button;
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    // Slack mrkdwn reserves &, < and > for its own markup.
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Join(params string?[] parts) => string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string Limit(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";
}
