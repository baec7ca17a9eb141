namespace PqlGrains.Abstractions.Leads;

/// <summary>One line in a lead's history: what happened and why, for operators and the rep.</summary>
[GenerateSerializer, Immutable]
public sealed record LeadActivity(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Detail);
