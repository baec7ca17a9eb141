namespace PqlGrains.Scoring.Engine;

/// <summary>
/// Where one rule's (or condition's) event pattern is recorded in an <see cref="EventRow"/>: its bit, and for patterns that
/// count distinct values the index of the value's hash (-1 for none).
/// </summary>
internal readonly record struct MatchSite(int Pattern, int Value);
