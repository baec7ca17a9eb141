namespace PqlGrains.Abstractions.Leads;

/// <summary>Firmographics that enrichment found for the lead's company.</summary>
[GenerateSerializer, Immutable]
public sealed record LeadCompany(
    [property: Id(0)] string? Domain,
    [property: Id(1)] string? Name,
    [property: Id(2)] int? Employees,
    [property: Id(3)] string? Industry,
    [property: Id(4)] string? Country,
    [property: Id(5)] string? Region,
    [property: Id(6)] decimal? EstimatedArr,
    [property: Id(7)] string Source,
    [property: Id(8)] string Segment,
    [property: Id(9)] string SegmentReason,
    [property: Id(10)] bool PersonalEmail);
