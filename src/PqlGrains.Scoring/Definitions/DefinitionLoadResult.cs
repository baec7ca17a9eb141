namespace PqlGrains.Scoring.Definitions;

/// <summary>A compiled definition (when there were no errors) and every diagnostic found.</summary>
public sealed record DefinitionLoadResult(PqlDefinition? Definition, IReadOnlyList<DefinitionDiagnostic> Diagnostics)
{
    public bool Succeeded => Definition is not null;

    public IEnumerable<DefinitionDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<DefinitionDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>The definition, or an exception listing every error.</summary>
    public PqlDefinition GetDefinitionOrThrow() => Definition ?? throw new InvalidDefinitionException(Errors.ToList());
}
