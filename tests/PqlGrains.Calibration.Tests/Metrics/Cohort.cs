namespace PqlGrains.Calibration.Tests.Metrics;

/// <summary>Readable dates for hand-made cohorts: all in 2026, UTC noon.</summary>
internal static class Cohort
{
    public static DateTimeOffset Day(int month, int day) => new(2026, month, day, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Dec2025(int day) => new(2025, 12, day, 12, 0, 0, TimeSpan.Zero);
}
