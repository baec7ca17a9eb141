namespace PqlGrains.Routing.Loading;

/// <summary>A routing file that cannot be used; <see cref="Errors"/> lists every problem found, not just the first.</summary>
public sealed class RoutingFileException : Exception
{
    public RoutingFileException(string source, IReadOnlyList<RoutingValidationError> errors)
        : base(Describe(source, errors))
    {
        Source = source;
        Errors = errors;
    }

    public new string Source { get; }

    public IReadOnlyList<RoutingValidationError> Errors { get; }

    private static string Describe(string source, IReadOnlyList<RoutingValidationError> errors) =>
        $"Routing file '{source}' is invalid ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}):"
        + string.Concat(errors.Select(error => Environment.NewLine + "  - " + error));
}
