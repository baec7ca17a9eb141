using System.Globalization;
using System.Text.Json;
using PqlGrains.Calibration.Outcomes;
using PqlGrains.Calibration.Replay;

namespace PqlGrains.Cli.Export;

/// <summary>
/// Reads rep verdicts and recorded conversions from a cluster's leads API and writes them as the files
/// <c>pql calibrate</c> and <c>pql backtest</c> read: <c>feedback.ndjson</c> and <c>conversions.csv</c>.
/// </summary>
internal sealed class ClusterExport(ClusterApi api)
{
    private const int PageSize = 200;
    private readonly Dictionary<string, JsonElement?> _leads = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];

    public async Task<ExportResult> RunAsync(DirectoryInfo output, CancellationToken cancellationToken)
    {
        List<FeedbackRecord> feedback;
        List<ConversionRecord> conversions;
        try
        {
            feedback = await FeedbackAsync(cancellationToken);
            conversions = await ConversionsAsync(cancellationToken);
        }
        catch (Exception error) when (error is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ClusterExportException($"The cluster answered in a shape this pql does not read ({error.Message}); use a pql built from the same release as the silo.", error);
        }

        output.Create();
        var feedbackPath = Path.Combine(output.FullName, FeedbackFile.FileName);
        var conversionsPath = Path.Combine(output.FullName, ConversionFile.FileName);
        await FeedbackFile.WriteAsync(feedbackPath, feedback.OrderBy(f => f.QualifiedAt).ThenBy(f => f.LeadId, StringComparer.Ordinal), cancellationToken);
        await ConversionFile.WriteAsync(conversionsPath, conversions.OrderBy(c => c.ConvertedAt).ThenBy(c => c.UserId, StringComparer.Ordinal), cancellationToken);
        return new ExportResult(feedbackPath, feedback, conversionsPath, conversions, _warnings);
    }

    private async Task<List<FeedbackRecord>> FeedbackAsync(CancellationToken cancellationToken)
    {
        var records = new List<FeedbackRecord>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await api.GetAsync(Invariant($"api/leads?status=all&offset={offset}&limit={PageSize}"), cancellationToken)
                ?? throw new ClusterExportException("The cluster has no GET /api/leads; check that --url points at a PqlGrains silo with the leads API.");
            var rows = page.GetProperty("leads").EnumerateArray().ToList();
            foreach (var row in rows.Where(r => r.TryGetProperty("feedback", out var verdict) && verdict.ValueKind == JsonValueKind.String))
            {
                var leadId = row.GetProperty("leadId").GetString()!;
                if (await LeadAsync(leadId, cancellationToken) is { } lead && ToFeedback(lead) is { } record)
                {
                    records.Add(record);
                }
            }

            if (rows.Count < PageSize || offset + PageSize >= page.GetProperty("total").GetInt32())
            {
                return records;
            }
        }
    }

    private FeedbackRecord? ToFeedback(JsonElement lead)
    {
        var leadId = lead.GetProperty("leadId").GetString()!;
        var subject = lead.GetProperty("subject").GetString()!;
        var feedback = lead.GetProperty("feedback");
        var context = Context(lead);
        var userId = context is { } c ? c.GetProperty("contactUserId").GetString() : UserOfSubject(subject);
        if (userId is null)
        {
            _warnings.Add($"Lead {leadId} has feedback but no contact user yet; left out.");
            return null;
        }

        return new FeedbackRecord(
            leadId,
            subject,
            userId,
            context is { } withAccount ? withAccount.GetProperty("accountId").GetString() : null,
            ParseVerdict(feedback.GetProperty("kind").GetString(), leadId),
            lead.GetProperty("definitionVersion").GetString() ?? string.Empty,
            context is { } crossed ? crossed.GetProperty("thresholdCrossedAt").GetDateTimeOffset() : lead.GetProperty("openedAt").GetDateTimeOffset(),
            feedback.GetProperty("at").GetDateTimeOffset(),
            lead.GetProperty("tier").GetString(),
            feedback.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.String ? note.GetString() : null);
    }

    private async Task<List<ConversionRecord>> ConversionsAsync(CancellationToken cancellationToken)
    {
        var records = new List<ConversionRecord>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await api.GetAsync(Invariant($"api/conversions?offset={offset}&limit={PageSize}"), cancellationToken)
                ?? throw new ClusterExportException("The cluster has no GET /api/conversions (its silo is older than this pql); upgrade the silo, then export again.");
            var rows = page.EnumerateArray().ToList();
            foreach (var row in rows)
            {
                if (await ToConversionAsync(row, cancellationToken) is { } record)
                {
                    records.Add(record);
                }
            }

            if (rows.Count < PageSize)
            {
                return records;
            }
        }
    }

    /// <summary>
    /// conversions.csv names the user who converted. A user subject is that user; for an account, the contact of the
    /// lead the conversion closed (the person sales worked), else the account's highest-scoring member.
    /// </summary>
    private async Task<ConversionRecord?> ToConversionAsync(JsonElement row, CancellationToken cancellationToken)
    {
        var subject = row.GetProperty("subject").GetString()!;
        var at = row.GetProperty("at").GetDateTimeOffset().ToUniversalTime();
        var amount = row.GetProperty("amount").GetDecimal();
        if (UserOfSubject(subject) is { } user)
        {
            return new ConversionRecord(user, null, at, amount);
        }

        var accountId = subject["account:".Length..];
        if (row.TryGetProperty("leadId", out var leadId) && leadId.ValueKind == JsonValueKind.String
            && await LeadAsync(leadId.GetString()!, cancellationToken) is { } lead && Context(lead) is { } context)
        {
            return new ConversionRecord(context.GetProperty("contactUserId").GetString()!, accountId, at, amount);
        }

        var account = await api.GetAsync("api/accounts/" + Uri.EscapeDataString(accountId), cancellationToken);
        if (account is { } found && found.GetProperty("users").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } top)
        {
            _warnings.Add($"The conversion of account {accountId} at {at:O} closed no lead; attributed to its highest-scoring member {top.GetProperty("userId").GetString()}.");
            return new ConversionRecord(top.GetProperty("userId").GetString()!, accountId, at, amount);
        }

        _warnings.Add($"The conversion of account {accountId} at {at:O} closed no lead and the account's members are unknown; left out.");
        return null;
    }

    private async Task<JsonElement?> LeadAsync(string leadId, CancellationToken cancellationToken)
    {
        if (!_leads.TryGetValue(leadId, out var lead))
        {
            lead = await api.GetAsync("api/leads/" + Uri.EscapeDataString(leadId), cancellationToken);
            _leads.Add(leadId, lead);
        }

        return lead;
    }

    private static JsonElement? Context(JsonElement lead) =>
        lead.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object ? context : null;

    private static string? UserOfSubject(string subject) => subject.StartsWith("user:", StringComparison.Ordinal) ? subject["user:".Length..] : null;

    private static FeedbackVerdict ParseVerdict(string? kind, string leadId) => kind switch
    {
        "good" => FeedbackVerdict.Good,
        "too_early" => FeedbackVerdict.TooEarly,
        "not_a_fit" => FeedbackVerdict.NotAFit,
        _ => throw new ClusterExportException($"Lead {leadId} has a verdict '{kind}' this pql does not know; use a pql as new as the silo."),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
