namespace PqlGrains.Abstractions.Leads;

[GenerateSerializer, Immutable]
public sealed record LeadFeedback(
    [property: Id(0)] LeadFeedbackKind Kind,
    [property: Id(1)] string? Note,
    [property: Id(2)] DateTimeOffset At);
