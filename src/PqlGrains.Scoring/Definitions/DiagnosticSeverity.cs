namespace PqlGrains.Scoring.Definitions;

public enum DiagnosticSeverity : byte
{
    Error = 0,
    Warning = 1,
}
