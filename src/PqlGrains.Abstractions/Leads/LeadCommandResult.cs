namespace PqlGrains.Abstractions.Leads;

/// <summary>The lead after a command, or why the command did not apply (e.g. the lead is already closed).</summary>
/// <param name="Lead">Null when the lead id is unknown.</param>
[GenerateSerializer, Immutable]
public sealed record LeadCommandResult(
    [property: Id(0)] Lead? Lead,
    [property: Id(1)] string? Rejection = null)
{
    public bool Applied => Lead is not null && Rejection is null;
}
