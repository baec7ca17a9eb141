using PqlGrains.Routing.Brief;

namespace PqlGrains.Integrations.Alerts;

/// <summary>An alert about one lead, with the brief the rep needs.</summary>
/// <param name="AssignedTo">The rep (or manager) who owns the lead now, by name.</param>
/// <param name="SlaDeadline">When the first contact is due.</param>
/// <param name="RecordUrl">A link to the CRM task or record, when the CRM returned one.</param>
/// <param name="Reason">Why this alert (the assignment explanation, the missed SLA), shown in the context line.</param>
public sealed record LeadAlert(
    AlertKind Kind,
    LeadBrief Brief,
    string? AssignedTo,
    DateTimeOffset? SlaDeadline,
    Uri? RecordUrl,
    string? Reason,
    DateTimeOffset At);
