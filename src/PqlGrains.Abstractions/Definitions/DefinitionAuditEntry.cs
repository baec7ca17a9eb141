namespace PqlGrains.Abstractions.Definitions;

/// <summary>One audited registry change.</summary>
/// <param name="Actor">Who asked: the <c>X-Pql-Actor</c> header, else the bearer token's identity.</param>
/// <param name="ComparedWith">The version <see cref="Diff"/> is taken against: the active version before the change.</param>
/// <param name="Diff">Line diff (<c>-</c> removed, <c>+</c> added, hunks with <c>@@</c> headers) of the YAML; empty when identical.</param>
[GenerateSerializer, Immutable]
public sealed record DefinitionAuditEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] DefinitionAction Action,
    [property: Id(4)] string Version,
    [property: Id(5)] string? ComparedWith,
    [property: Id(6)] string Diff);
