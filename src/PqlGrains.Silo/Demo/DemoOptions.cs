namespace PqlGrains.Silo.Demo;

/// <summary>
/// <c>Pql:Demo</c>: replay a simulated product into this silo at start (the <c>--demo</c> switch),
/// so a newcomer watches users qualify and leads get routed within a minute.
/// </summary>
public sealed class DemoOptions
{
    public const string SectionName = "Pql:Demo";

    public bool Enabled { get; set; }

    public int Users { get; set; } = 300;

    public int Accounts { get; set; } = 40;

    /// <summary>Simulated days, ending at today's UTC midnight.</summary>
    public int Days { get; set; } = 14;

    /// <summary>Simulated seconds per wall second: 14 days at 20,000x play in about a minute.</summary>
    public double Speed { get; set; } = 20_000;

    public ulong Seed { get; set; } = 7;
}
