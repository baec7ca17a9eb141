using PqlGrains.Routing.Brief;
using PqlGrains.Routing.Model;

namespace PqlGrains.Integrations.Crm;

/// <summary>A task for the assigned rep, due at the lead's SLA deadline.</summary>
/// <param name="Owner">The rep's owner ids; each CRM connector uses its own.</param>
/// <param name="BodyText">Plain-text context (Salesforce Description).</param>
/// <param name="BodyHtml">HTML context (HubSpot hs_task_body).</param>
/// <param name="DueAt">The SLA deadline. Salesforce keeps only its date (ActivityDate) plus a reminder at the exact time.</param>
public sealed record CrmTask(
    string LeadId,
    string Subject,
    string BodyText,
    string BodyHtml,
    DateTimeOffset DueAt,
    TaskPriority Priority,
    CrmOwnerIds Owner,
    CrmRecordIds Records)
{
    /// <summary>The task a lead brief turns into for <paramref name="rep"/>.</summary>
    public static CrmTask ForLead(LeadBrief brief, CrmOwnerIds owner, DateTimeOffset slaDeadline, TaskPriority priority, CrmRecordIds records, DateTimeOffset now) =>
        new(brief.LeadId, LeadBriefText.TaskSubject(brief), LeadBriefText.PlainText(brief, now), LeadBriefText.Html(brief, now), slaDeadline, priority, owner, records);
}
