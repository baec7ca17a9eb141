namespace PqlGrains.Abstractions.Leads;

/// <summary>The new routing document, or every problem that kept the old one in force.</summary>
[GenerateSerializer, Immutable]
public sealed record RoutingReplaceResult(
    [property: Id(0)] RoutingDocument? Document,
    [property: Id(1)] string[] Errors);
