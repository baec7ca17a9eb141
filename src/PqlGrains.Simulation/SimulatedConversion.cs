namespace PqlGrains.Simulation;

/// <summary>
/// A purchase: the user who upgraded, their account (null for a personal-email user), when,
/// and the first-year amount in USD. One row of <c>conversions.csv</c>.
/// </summary>
public sealed record SimulatedConversion(string UserId, string? AccountId, DateTimeOffset ConvertedAt, decimal Amount);
