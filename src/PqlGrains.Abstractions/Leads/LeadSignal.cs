namespace PqlGrains.Abstractions.Leads;

/// <summary>One signal's share of the lead's score, with its plain-language description.</summary>
[GenerateSerializer, Immutable]
public sealed record LeadSignal(
    [property: Id(0)] string Signal,
    [property: Id(1)] string Category,
    [property: Id(2)] double Points,
    [property: Id(3)] string Description);
