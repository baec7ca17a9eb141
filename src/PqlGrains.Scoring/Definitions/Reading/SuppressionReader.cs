using YamlDotNet.RepresentationModel;

namespace PqlGrains.Scoring.Definitions.Reading;

/// <summary>Reads <c>suppression: { payingPlans: { trait, values }, staleAfter: 30d }</c>.</summary>
internal static class SuppressionReader
{
    public static SuppressionRules Read(YamlMap map)
    {
        if (map.Get("suppression") is not { } node)
        {
            return SuppressionRules.None;
        }

        var diagnostics = map.Diagnostics;
        var suppression = YamlMap.Open(diagnostics, node, "suppression", ["payingPlans", "staleAfter"], "suppression rules");
        if (suppression is null)
        {
            return SuppressionRules.None;
        }

        var staleAfter = suppression.Days("staleAfter", required: false, ReadingLimits.MaxWindowDays, "the inactivity that makes a lead stale");
        string? trait = null;
        var plans = new List<string>();
        if (suppression.Get("payingPlans") is { } payingNode &&
            YamlMap.Open(diagnostics, payingNode, "suppression.payingPlans", ["trait", "values"], "the paying-plan rule") is { } paying)
        {
            trait = paying.String("trait", required: true, "the identify/group trait holding the plan, e.g. plan");
            foreach (var value in paying.Sequence("values", required: true, "the plan values that mean already paying") ?? [])
            {
                if (value is YamlScalarNode { Value: { Length: > 0 } plan })
                {
                    plans.Add(plan);
                }
                else
                {
                    diagnostics.Error(value, "suppression.payingPlans.values", $"expected a plan name, found {YamlMap.Describe(value)}");
                }
            }
        }

        return new SuppressionRules(trait, plans, staleAfter);
    }
}
