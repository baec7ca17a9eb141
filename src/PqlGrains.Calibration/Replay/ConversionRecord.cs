namespace PqlGrains.Calibration.Replay;

/// <summary>One row of a conversions file: who paid, in which account (if any), when, how much.</summary>
public sealed record ConversionRecord(string UserId, string? AccountId, DateTimeOffset ConvertedAt, decimal Amount);
