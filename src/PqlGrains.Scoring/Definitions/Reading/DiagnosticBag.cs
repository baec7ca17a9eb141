using YamlDotNet.RepresentationModel;

namespace PqlGrains.Scoring.Definitions.Reading;

/// <summary>Collects diagnostics with the position of the YAML node they are about.</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<DefinitionDiagnostic> _all = [];

    public IReadOnlyList<DefinitionDiagnostic> All => _all;

    public bool HasErrors => _all.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(YamlNode node, string path, string message) => Add(DiagnosticSeverity.Error, (int)node.Start.Line, (int)node.Start.Column, path, message);

    public void Warning(YamlNode node, string path, string message) => Add(DiagnosticSeverity.Warning, (int)node.Start.Line, (int)node.Start.Column, path, message);

    public void Add(DiagnosticSeverity severity, int line, int column, string path, string message) =>
        _all.Add(new DefinitionDiagnostic(severity, file, line, column, path, message));
}
