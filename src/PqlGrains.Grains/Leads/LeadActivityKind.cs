namespace PqlGrains.Grains.Leads;

/// <summary>
/// The kinds a lead's activity log records. The API shows them as they are, and <see cref="LeadMetrics"/> counts by
/// them, so both read the same names.
/// </summary>
internal static class LeadActivityKind
{
    public const string Opened = "opened";
    public const string Routed = "routed";
    public const string Assignment = "assignment";
    public const string SlaMissed = "sla-missed";
    public const string Escalated = "escalated";
    public const string Contacted = "contacted";
    public const string Feedback = "feedback";
    public const string Converted = "converted";
    public const string Requalified = "requalified";
    public const string NoteSkipped = "note-skipped";
    public const string Closed = "closed";
    public const string ContactErased = "contact-erased";

    /// <summary>Logged but not stored: a tier change that left the open lead as it was.</summary>
    public const string ScoreDrop = "score-drop";

    /// <inheritdoc cref="ScoreDrop"/>
    public const string Signal = "signal";
}
