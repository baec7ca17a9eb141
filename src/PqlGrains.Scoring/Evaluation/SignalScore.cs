using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Evaluation;

/// <summary>One signal's part of a score.</summary>
/// <param name="Points">Decayed points now, before the category weight.</param>
/// <param name="Count">What the signal counted (occurrences, distinct values, matching events).</param>
/// <param name="LastOccurred">The latest event the signal counted, if any.</param>
/// <param name="Explanation">The signal's template rendered in plain language.</param>
public sealed record SignalScore(
    string SignalId,
    SignalCategory Category,
    double Points,
    long Count,
    DateTimeOffset? LastOccurred,
    string Explanation,
    bool RouteImmediately);
