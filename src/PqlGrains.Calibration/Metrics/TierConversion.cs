namespace PqlGrains.Calibration.Metrics;

/// <summary>
/// Conversion among the active subjects whose highest tier (reached in the window, before
/// converting) was <see cref="Tier"/>; <c>none</c> collects those who never reached a tier.
/// </summary>
public sealed record TierConversion(string Tier, int Subjects, int Converted, double Rate)
{
    public const string NoTier = "none";

    /// <param name="tiers">Tier names from the lowest to the highest.</param>
    public static IReadOnlyList<TierConversion> Compute(
        IReadOnlyCollection<string> activeSubjects,
        IReadOnlyList<string> tiers,
        IEnumerable<TierCrossing> crossings,
        ConversionLedger conversions,
        BacktestWindow window)
    {
        var highest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var crossing in crossings)
        {
            if (!window.Contains(crossing.At)
                || (conversions.TryGetConversion(crossing.SubjectId, out var convertedAt) && crossing.At > convertedAt))
            {
                continue;
            }

            if (!highest.TryGetValue(crossing.SubjectId, out var rank) || crossing.Rank > rank)
            {
                highest[crossing.SubjectId] = crossing.Rank;
            }
        }

        var subjects = new int[tiers.Count + 1];
        var converted = new int[tiers.Count + 1];
        foreach (var subject in activeSubjects)
        {
            var band = highest.TryGetValue(subject, out var rank) ? rank + 1 : 0;
            subjects[band]++;
            if (conversions.TryGetConversion(subject, out var at) && window.Contains(at))
            {
                converted[band]++;
            }
        }

        var result = new List<TierConversion>(tiers.Count + 1);
        for (var band = tiers.Count; band >= 0; band--)
        {
            result.Add(new TierConversion(band == 0 ? NoTier : tiers[band - 1], subjects[band], converted[band], QualificationMetrics.Ratio(converted[band], subjects[band])));
        }

        return result;
    }
}
