using PqlGrains.Routing.Brief;
using PqlGrains.Routing.Model;

namespace PqlGrains.Integrations.Crm;

/// <summary>An activity logged on an existing CRM record: re-qualification of an open lead, or a sales-led account.</summary>
/// <param name="Owner">Optional owner of the note; null leaves the CRM's default.</param>
public sealed record CrmNote(
    string LeadId,
    string Subject,
    string BodyText,
    string BodyHtml,
    DateTimeOffset At,
    CrmOwnerIds? Owner,
    CrmRecordIds Records)
{
    public static CrmNote ForLead(LeadBrief brief, string headline, CrmOwnerIds? owner, CrmRecordIds records, DateTimeOffset now) =>
        new(brief.LeadId, headline, headline + "\n\n" + LeadBriefText.PlainText(brief, now), $"<p>{System.Net.WebUtility.HtmlEncode(headline)}</p>" + LeadBriefText.Html(brief, now), now, owner, records);
}
