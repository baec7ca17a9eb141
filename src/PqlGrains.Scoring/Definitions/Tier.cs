namespace PqlGrains.Scoring.Definitions;

/// <summary>A named score band and what it asks of sales.</summary>
/// <param name="Name">Tier name, e.g. <c>sales_ready</c>.</param>
/// <param name="MinScore">The band starts at this score (inclusive) and runs to the next tier.</param>
/// <param name="Route">The route target, e.g. <c>nurture</c>, <c>sdr</c>, <c>ae</c>.</param>
/// <param name="ResponseSla">The response SLA, or null when the tier has none.</param>
public sealed record Tier(string Name, double MinScore, string Route, TimeSpan? ResponseSla);
