namespace PqlGrains.Scoring.Definitions.Reading;

/// <summary>Upper bounds that keep every user's state small and bounded; the validator names them.</summary>
internal static class ReadingLimits
{
    public const int MaxWindowDays = 366;
    public const int MaxAtLeast = 256;
    public const int MaxDistinctValues = 256;
    public const int DefaultDistinctValues = 32;
    public const double MaxPoints = 100_000;
}
