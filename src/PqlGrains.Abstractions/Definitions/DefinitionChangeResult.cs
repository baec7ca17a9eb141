namespace PqlGrains.Abstractions.Definitions;

/// <summary>The registry's answer to a submission, activation or shadow change.</summary>
/// <param name="Message">What happened, or what is wrong and how to fix it.</param>
/// <param name="Problems">Validation diagnostics: the errors when <see cref="Outcome"/> is Invalid, warnings otherwise.</param>
/// <param name="Version">The version concerned, when it exists.</param>
[GenerateSerializer, Immutable]
public sealed record DefinitionChangeResult(
    [property: Id(0)] DefinitionOutcome Outcome,
    [property: Id(1)] string Message,
    [property: Id(2)] DefinitionProblem[] Problems,
    [property: Id(3)] DefinitionVersionInfo? Version);
