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

    /// <summary>Sum of one category's (already rounded) signal points, in definition order.</summary>
    public static double CategoryPoints(ReadOnlySpan<double> signalPoints, ReadOnlySpan<SignalCategory> signalCategories, SignalCategory category)
    {
        double sum = 0;
        for (var i = 0; i < signalPoints.Length; i++)
        {
            if (signalCategories[i] == category)
            {
                sum += signalPoints[i];
            }
        }

        return Round(sum);
    }

    public static double Weighted(PqlDefinition definition, SignalCategory category, double categoryPoints) =>
        Round(categoryPoints * definition.WeightOf(category));

    /// <summary>
    /// The score: each category's points (<see cref="CategoryPoints"/>, all four summed in one pass, each in
    /// definition order as there) weighted, in category order, plus the member roll-up.
    /// </summary>
    public static double Total(PqlDefinition definition, ReadOnlySpan<double> signalPoints, ReadOnlySpan<SignalCategory> signalCategories, double memberRollup)
    {
        Span<double> sums = stackalloc double[Categories.Length];
        for (var i = 0; i < signalPoints.Length; i++)
        {
            sums[(int)signalCategories[i]] += signalPoints[i];
        }

        double total = 0;
        foreach (var category in Categories)
        {
            total += Weighted(definition, category, Round(sums[(int)category]));
        }

        return Round(total + memberRollup);
    }
}
