namespace PqlGrains.Integrations.BuiltIn;

/// <summary>One task, note, alert or event the built-in sink received instead of a real CRM/Slack/webhook.</summary>
/// <param name="Kind">task, note, task-completed, alert or webhook.</param>
/// <param name="ExternalId">The id the sink handed back, as a CRM would.</param>
public sealed record SinkEntry(long Sequence, string Kind, string? LeadId, string ExternalId, DateTimeOffset At, string Summary, string Detail);
