namespace PqlGrains.Scoring.Definitions;

/// <summary>One problem found in a definition file, pointing at the exact place.</summary>
/// <param name="File">The file name as given to the loader.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Path">Field path, e.g. <c>signals[2].points</c>.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record DefinitionDiagnostic(DiagnosticSeverity Severity, string File, int Line, int Column, string Path, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(Severity == DiagnosticSeverity.Warning ? "warning: " : "")}{(Path.Length > 0 ? Path + ": " : "")}{Message}";
}
