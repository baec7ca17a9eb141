namespace PqlGrains.Scoring.Engine;

/// <summary>
/// How far back bounded state reaches. Points older than this many half-lives are worth under
/// 2^-12 of their value (50 points become 0.012) and are dropped to keep per-user state bounded.
/// </summary>
internal static class DecayHorizon
{
    public const int HalfLives = 12;

    public const int MaxRingBuckets = 128;

    public static int Days(double halfLifeDays) => (int)Math.Ceiling(HalfLives * halfLifeDays);

    public static int Buckets(double halfLifeDays, int windowDays) =>
        Math.Clamp((Days(halfLifeDays) + windowDays - 1) / windowDays, 2, MaxRingBuckets);
}
