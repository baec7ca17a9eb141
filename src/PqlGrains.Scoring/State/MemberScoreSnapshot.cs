namespace PqlGrains.Scoring.State;

/// <summary>A user's score as last reported to its account, and when it was evaluated.</summary>
public sealed record MemberScoreSnapshot(string UserId, double Score, DateTimeOffset EvaluatedAt);
