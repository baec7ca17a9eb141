namespace PqlGrains.Routing.Loading;

/// <summary>One problem in a routing file: where it is (a field path such as <c>reps[2].capacity</c>) and how to fix it.</summary>
public sealed record RoutingValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
