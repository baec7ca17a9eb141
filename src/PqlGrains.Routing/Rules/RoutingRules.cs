using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Rules;

/// <summary>Evaluates the ordered rules: the first rule whose every condition holds decides.</summary>
public static class RoutingRules
{
    public static RouteDecision Route(RoutingConfiguration configuration, LeadFacts facts)
    {
        var trace = new List<RuleTrace>();
        foreach (var rule in configuration.Rules)
        {
            var mismatch = Mismatch(rule.Match, facts);
            trace.Add(new RuleTrace(rule.Id, mismatch is null, mismatch ?? Describe(rule.Match)));
            if (mismatch is null)
            {
                return new RouteDecision(rule.Id, rule.Action, rule.PoolId, trace);
            }
        }

        return new RouteDecision(null, null, null, trace);
    }

    private static string? Mismatch(RuleMatch match, LeadFacts facts)
    {
        if (match.Motions.Count > 0 && !match.Motions.Contains(facts.Motion))
        {
            return $"motion {facts.Motion} not in [{string.Join(", ", match.Motions)}]";
        }

        if (match.Tiers.Count > 0 && !match.Tiers.Contains(facts.Tier, StringComparer.OrdinalIgnoreCase))
        {
            return $"tier {facts.Tier} not in [{string.Join(", ", match.Tiers)}]";
        }

        if (match.Segments.Count > 0 && !match.Segments.Contains(facts.Segment))
        {
            return $"segment {facts.Segment} not in [{string.Join(", ", match.Segments)}]";
        }

        // Countries and regions together describe one territory: either may place the company in it.
        if (match.Countries.Count > 0 || match.Regions.Count > 0)
        {
            var inCountry = facts.Country is not null && match.Countries.Contains(facts.Country, StringComparer.OrdinalIgnoreCase);
            var inRegion = facts.Region is not null && match.Regions.Contains(facts.Region, StringComparer.OrdinalIgnoreCase);
            if (!inCountry && !inRegion)
            {
                return $"territory {facts.Country ?? "unknown country"}/{facts.Region ?? "unknown region"} not in [{string.Join(", ", match.Countries.Concat(match.Regions))}]";
            }
        }

        return null;
    }

    private static string Describe(RuleMatch match)
    {
        var parts = new List<string>();
        if (match.Motions.Count > 0) parts.Add($"motion in [{string.Join(", ", match.Motions)}]");
        if (match.Tiers.Count > 0) parts.Add($"tier in [{string.Join(", ", match.Tiers)}]");
        if (match.Segments.Count > 0) parts.Add($"segment in [{string.Join(", ", match.Segments)}]");
        if (match.Countries.Count > 0 || match.Regions.Count > 0) parts.Add($"territory in [{string.Join(", ", match.Countries.Concat(match.Regions))}]");
        return parts.Count == 0 ? "matches every lead" : string.Join(" and ", parts);
    }
}
