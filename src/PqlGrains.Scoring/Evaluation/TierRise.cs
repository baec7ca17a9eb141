using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Evaluation;

/// <summary>An upward tier crossing: the applied event at <paramref name="At"/> moved the subject from <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="From">The tier after the previous applied event, null below every tier.</param>
/// <param name="ToRank">The rank of <paramref name="To"/> in the definition's tiers, lowest first.</param>
public readonly record struct TierRise(Tier? From, Tier To, int ToRank, DateTimeOffset At);
