namespace PqlGrains.Grains.Definitions;

/// <summary>Where the first active definition comes from and how silos follow the registry, bound from <c>Pql:Scoring</c>.</summary>
public sealed class DefinitionOptions
{
    public const string SectionName = "Pql:Scoring";

    /// <summary>
    /// A definition file that becomes the first active version when the registry is empty (the shipped default
    /// otherwise). Once the registry holds versions, changes go through <c>POST /api/definitions</c>.
    /// </summary>
    public string? DefinitionPath { get; set; }

    /// <summary>How often each silo asks the registry whether the active or shadow versions changed.</summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most shadow versions evaluated at once: each one adds its scoring work to every event.</summary>
    public int MaxShadows { get; set; } = 3;

    /// <summary>Audit entries kept, newest first.</summary>
    public int MaxAuditEntries { get; set; } = 1000;

    /// <summary>Would-be leads and active leads each shadow ledger keeps per comparison period.</summary>
    public int MaxLedgerEntries { get; set; } = 10_000;
}
