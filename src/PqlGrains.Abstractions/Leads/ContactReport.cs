namespace PqlGrains.Abstractions.Leads;

/// <summary>The lead's owner reached out.</summary>
/// <param name="Source">api, hubspot or salesforce.</param>
/// <param name="CrmTaskId">The completed CRM task, when a CRM callback reported it.</param>
[GenerateSerializer, Immutable]
public sealed record ContactReport(
    [property: Id(0)] string Source,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? CrmTaskId = null);
