using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Engine;

namespace PqlGrains.Scoring.Evaluation;

/// <summary>Turns a state's slots into a score with its breakdown and explanations.</summary>
internal static class ScoreBuilder
{
    private const int TopSignalCount = 3;

    // Rounding to a micro-point hides the last-bit noise of 2^x in the decay weights, so that
    // "50 + 30 on the same day" is exactly 80, not 79.99999999999999.
    public static double Round(double points) => Math.Round(points, 6, MidpointRounding.ToEven);

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

        var categories = Enum.GetValues<SignalCategory>()
            .Select(category =>
            {
                var points = Round(scores.Where(s => s.Category == category).Sum(s => s.Points));
                var weight = definition.CategoryWeights[category];
                return new CategoryScore(category, points, weight, Round(points * weight));
            })
            .ToList();

        var rollup = memberRollup?.Sum ?? 0;
        var score = Round(categories.Sum(c => c.WeightedPoints) + rollup);
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
