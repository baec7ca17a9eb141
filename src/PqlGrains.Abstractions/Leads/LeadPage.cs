namespace PqlGrains.Abstractions.Leads;

/// <summary>One page of the lead listing, newest first.</summary>
[GenerateSerializer, Immutable]
public sealed record LeadPage(
    [property: Id(0)] LeadSummary[] Leads,
    [property: Id(1)] int Total,
    [property: Id(2)] int Offset);
