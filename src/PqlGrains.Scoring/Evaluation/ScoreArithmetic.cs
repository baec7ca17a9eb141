using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Evaluation;

/// <summary>
/// The one place that adds signal points into a score, in a fixed order with fixed rounding, so the
/// cheap <c>ScoreAt</c> path and the full evaluation agree to the last bit.
/// </summary>
internal static class ScoreArithmetic
{
    public static readonly SignalCategory[] Categories = Enum.GetValues<SignalCategory>();

    // Rounding to a micro-point hides the last-bit noise of 2^x in the decay weights, so that
    // "50 + 30 on the same day" is exactly 80, not 79.99999999999999.
    public static double Round(double points) => Math.Round(points, 6, MidpointRounding.ToEven);

    /// <summary>
    /// Each category's points, indexed by <c>(int)category</c>: the category's (already rounded) signal points summed in
    /// definition order, rounded. The breakdown and the total both read these, so they cannot disagree.
    /// </summary>
    public static void CategorySums(ReadOnlySpan<double> signalPoints, ReadOnlySpan<SignalCategory> signalCategories, Span<double> sums)
    {
        sums.Clear();
        for (var i = 0; i < signalPoints.Length; i++)
        {
            sums[(int)signalCategories[i]] += signalPoints[i];
        }

        for (var category = 0; category < sums.Length; category++)
        {
            sums[category] = Round(sums[category]);
        }
    }

    public static double Weighted(PqlDefinition definition, SignalCategory category, double categoryPoints) =>
        Round(categoryPoints * definition.WeightOf(category));

    /// <summary>The score from per-signal points: <see cref="CategorySums"/>, then <see cref="Total(PqlDefinition, ReadOnlySpan{double}, double)"/>.</summary>
    public static double Total(PqlDefinition definition, ReadOnlySpan<double> signalPoints, ReadOnlySpan<SignalCategory> signalCategories, double memberRollup)
    {
        Span<double> sums = stackalloc double[Categories.Length];
        CategorySums(signalPoints, signalCategories, sums);
        return Total(definition, sums, memberRollup);
    }

    /// <summary>The score: each category's points (<see cref="CategorySums"/>) weighted, in category order, plus the member roll-up.</summary>
    public static double Total(PqlDefinition definition, ReadOnlySpan<double> categorySums, double memberRollup)
    {
        double total = 0;
        foreach (var category in Categories)
        {
            total += Weighted(definition, category, categorySums[(int)category]);
        }

        return Round(total + memberRollup);
    }
}
