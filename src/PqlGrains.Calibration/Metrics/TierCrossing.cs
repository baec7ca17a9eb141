namespace PqlGrains.Calibration.Metrics;

/// <summary>The first moment a subject's score reached a tier (rank 0 is the lowest tier).</summary>
public sealed record TierCrossing(string SubjectId, string Tier, int Rank, DateTimeOffset At);
