using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Routing;

[GenerateSerializer]
public sealed class RoutingState
{
    /// <summary>Null until the grain first seeds itself from the configured file.</summary>
    [Id(0)] public RoutingDocument? Document { get; set; }
}
