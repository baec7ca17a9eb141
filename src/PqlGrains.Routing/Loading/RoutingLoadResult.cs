using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Loading;

/// <summary>Either a usable configuration or the complete list of problems.</summary>
public sealed record RoutingLoadResult(RoutingConfiguration? Configuration, IReadOnlyList<RoutingValidationError> Errors)
{
    public bool IsValid => Configuration is not null && Errors.Count == 0;
}
