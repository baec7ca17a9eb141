namespace PqlGrains.Abstractions.Definitions;

/// <summary>One validation diagnostic of a submitted definition, pointing at file, line and column.</summary>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Text">The whole diagnostic as the CLI prints it: <c>file:line:col: path: message</c>.</param>
[GenerateSerializer, Immutable]
public sealed record DefinitionProblem(
    [property: Id(0)] string Severity,
    [property: Id(1)] string File,
    [property: Id(2)] int Line,
    [property: Id(3)] int Column,
    [property: Id(4)] string Path,
    [property: Id(5)] string Message,
    [property: Id(6)] string Text);
