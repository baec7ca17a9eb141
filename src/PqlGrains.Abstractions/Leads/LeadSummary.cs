namespace PqlGrains.Abstractions.Leads;

/// <summary>A lead's listing row.</summary>
[GenerateSerializer, Immutable]
public sealed record LeadSummary(
    [property: Id(0)] string LeadId,
    [property: Id(1)] LeadStatus Status,
    [property: Id(2)] string Tier,
    [property: Id(3)] double Score,
    [property: Id(4)] string? AssigneeId,
    [property: Id(5)] DateTimeOffset OpenedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] string DefinitionVersion,
    [property: Id(8)] LeadFeedbackKind? Feedback,
    [property: Id(9)] string? CloseReason);
