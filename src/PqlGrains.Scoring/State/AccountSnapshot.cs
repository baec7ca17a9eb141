namespace PqlGrains.Scoring.State;

/// <summary>The persisted form of an <see cref="AccountScoringState"/>.</summary>
public sealed record AccountSnapshot(ScoringSnapshot Signals, IReadOnlyList<MemberScoreSnapshot> Members);
