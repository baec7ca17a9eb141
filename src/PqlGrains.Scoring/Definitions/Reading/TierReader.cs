using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace PqlGrains.Scoring.Definitions.Reading;

/// <summary>Reads <c>tiers:</c>, defaulting to warm 40 / hot 60 / sales_ready 80.</summary>
internal static class TierReader
{
    public static IReadOnlyList<Tier> Defaults { get; } =
    [
        new("warm", 40, "nurture", null),
        new("hot", 60, "sdr", TimeSpan.FromHours(2)),
        new("sales_ready", 80, "ae", TimeSpan.FromMinutes(15)),
    ];

    public static IReadOnlyList<Tier> Read(YamlMap map)
    {
        var nodes = map.Sequence("tiers", required: false, "the list of tiers");
        if (nodes is null)
        {
            return Defaults;
        }

        var diagnostics = map.Diagnostics;
        var tiers = new List<Tier>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var path = $"tiers[{i}]";
            var tier = YamlMap.Open(diagnostics, nodes[i], path, ["name", "minScore", "route", "sla"], "a tier");
            if (tier is null)
            {
                continue;
            }

            var name = tier.String("name", required: true, "the tier name, e.g. hot");
            var minScore = tier.Number("minScore", required: true, 0, double.MaxValue, "the lowest score of the tier");
            var route = tier.String("route", required: true, "the route target, e.g. nurture, sdr or ae");
            var sla = ReadSla(tier);
            if (name is null || minScore is null || route is null)
            {
                continue;
            }

            if (tiers.Any(t => t.Name == name))
            {
                diagnostics.Error(nodes[i], $"{path}.name", $"tier name '{name}' is already used; tier names must be unique");
            }
            else if (tiers.Count > 0 && minScore <= tiers[^1].MinScore)
            {
                diagnostics.Error(tier.Get("minScore")!, $"{path}.minScore",
                    $"tiers must be listed in ascending minScore; {minScore.Value.ToString(CultureInfo.InvariantCulture)} is not above '{tiers[^1].Name}' ({tiers[^1].MinScore.ToString(CultureInfo.InvariantCulture)})");
            }

            tiers.Add(new Tier(name, minScore.Value, route, sla));
        }

        return tiers;
    }

    private static TimeSpan? ReadSla(YamlMap tier)
    {
        if (tier.Get("sla") is not { } node)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: >= 2 } text })
        {
            if (text == "none")
            {
                return null;
            }

            var unit = text[^1];
            if (int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            {
                switch (unit)
                {
                    case 'm': return TimeSpan.FromMinutes(amount);
                    case 'h': return TimeSpan.FromHours(amount);
                    case 'd': return TimeSpan.FromDays(amount);
                }
            }
        }

        tier.Diagnostics.Error(node, tier.FieldPath("sla"), $"expected a response time such as 15m, 2h or 1d, or none; found {YamlMap.Describe(node)}");
        return null;
    }
}
