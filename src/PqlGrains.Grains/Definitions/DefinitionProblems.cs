using PqlGrains.Abstractions.Definitions;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Definitions;

internal static class DefinitionProblems
{
    public static DefinitionProblem[] From(IEnumerable<DefinitionDiagnostic> diagnostics) =>
    [
        .. diagnostics.Select(d => new DefinitionProblem(
            d.Severity == DiagnosticSeverity.Error ? "error" : "warning", d.File, d.Line, d.Column, d.Path, d.Message, d.ToString())),
    ];
}
