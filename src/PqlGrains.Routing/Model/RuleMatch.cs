namespace PqlGrains.Routing.Model;

/// <summary>Conditions of one rule; an empty list matches anything, a non-empty list matches any of its values.</summary>
public sealed record RuleMatch(
    IReadOnlyList<string> Tiers,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Regions,
    IReadOnlyList<LeadMotion> Motions)
{
    public static RuleMatch Any { get; } = new([], [], [], [], []);
}
