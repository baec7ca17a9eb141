namespace PqlGrains.Scoring.Evaluation;

/// <summary>A user's decayed score as it counts in its account's rollup.</summary>
public sealed record MemberScore(string UserId, double Score);
