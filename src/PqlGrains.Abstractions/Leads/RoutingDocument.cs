namespace PqlGrains.Abstractions.Leads;

/// <summary>The routing file in force: its text (YAML or JSON) and a revision that grows with every replacement.</summary>
[GenerateSerializer, Immutable]
public sealed record RoutingDocument(
    [property: Id(0)] int Revision,
    [property: Id(1)] string Text,
    [property: Id(2)] string Source,
    [property: Id(3)] DateTimeOffset UpdatedAt);
