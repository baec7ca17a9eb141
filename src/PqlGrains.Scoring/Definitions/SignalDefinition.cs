namespace PqlGrains.Scoring.Definitions;

/// <summary>The public description of one compiled signal (its rule lives in the engine).</summary>
/// <param name="Id">Stable signal id, used in breakdowns.</param>
/// <param name="Category">The category the signal's points count towards.</param>
/// <param name="Points">Points earned at full strength (before decay).</param>
/// <param name="RouteImmediately">Tier-1 signal: routing must not wait for the score.</param>
/// <param name="Explain">Plain-language template, e.g. "invited {count} {count|teammate|teammates}, last {ago}".</param>
public sealed record SignalDefinition(string Id, SignalCategory Category, double Points, bool RouteImmediately, string Explain);
