namespace PqlGrains.Grains.Routing;

/// <summary>Bound from <c>Pql:Routing</c>.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Pql:Routing";

    /// <summary>The routing file (YAML or JSON) that seeds the cluster's routing; empty uses the shipped demo routing.</summary>
    public string? Path { get; set; }
}
