using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Engine;

namespace PqlGrains.Scoring.Evaluation;

/// <summary>Turns a state's slots into a score with its breakdown and explanations.</summary>
internal static class ScoreBuilder
{
    private const int TopSignalCount = 3;

    public static double Round(double points) => ScoreArithmetic.Round(points);

    public static ScoreResult Build(PqlDefinition definition, SignalSet signals, ReadOnlySpan<long> slots, DateTimeOffset at, (double Sum, IReadOnlyList<MemberScore> Members)? memberRollup)
    {
        var clock = signals.Clock;
        var now = clock.At(at);
        var view = new StateView(slots, clock, now);
        var scores = new List<SignalScore>(signals.Rules.Count);
        var routeImmediately = false;
        foreach (var rule in signals.Rules)
        {
            var reading = rule.Read(view);
            var points = Round(reading.Points);
            int? daysAgo = reading.LastTicks != 0 ? now.Day - clock.At(reading.LastTicks).Day : null;
            var signal = rule.Definition;
            // A signal that counted nothing has nothing to explain ("activated 0 features" is noise).
            var explanation = reading.Count == 0 ? "" : ExplanationTemplate.Render(signal.Explain, reading.Count, points, daysAgo);
            DateTimeOffset? last = reading.LastTicks != 0 ? new DateTimeOffset(reading.LastTicks, TimeSpan.Zero) : null;
            scores.Add(new SignalScore(signal.Id, signal.Category, points, reading.Count, last, explanation, signal.RouteImmediately));
            routeImmediately |= signal.RouteImmediately && points > 0 && daysAgo == 0;
        }

        var signalPoints = scores.Select(s => s.Points).ToArray();
        Span<double> sums = stackalloc double[ScoreArithmetic.Categories.Length];
        ScoreArithmetic.CategorySums(signalPoints, signals.Categories, sums);
        var categories = new List<CategoryScore>(sums.Length);
        foreach (var category in ScoreArithmetic.Categories)
        {
            var points = sums[(int)category];
            categories.Add(new CategoryScore(category, points, definition.CategoryWeights[category], ScoreArithmetic.Weighted(definition, category, points)));
        }

        var rollup = memberRollup?.Sum ?? 0;
        var score = ScoreArithmetic.Total(definition, sums, rollup);
        var ordered = scores
            .OrderByDescending(s => s.Points * definition.CategoryWeights[s.Category])
            .ToList();
        var top = ordered.Where(s => s.Points > 0).Take(TopSignalCount).Select(s => s.Explanation).ToList();
        return new ScoreResult(
            definition.Id,
            definition.Version,
            at,
            score,
            definition.TierFor(score),
            signals.SuppressionAt(slots, now),
            ordered,
            categories,
            top,
            routeImmediately,
            Round(rollup),
            memberRollup?.Members ?? []);
    }
}
