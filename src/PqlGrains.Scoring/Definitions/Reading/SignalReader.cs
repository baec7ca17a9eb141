using PqlGrains.Scoring.Engine;
using PqlGrains.Scoring.Evaluation;
using YamlDotNet.RepresentationModel;

namespace PqlGrains.Scoring.Definitions.Reading;

/// <summary>
/// Reads a list of signals. An event signal has <c>on:</c> and earns per occurrence (optional cap),
/// <c>once</c>, <c>oncePer: 7d</c> or <c>perDistinct: property</c>; a condition signal has <c>when:</c>.
/// </summary>
internal sealed class SignalReader(DiagnosticBag diagnostics, DefinitionHeader header, SlotAllocator slots)
{
    private static readonly string[] Fields =
        ["id", "category", "points", "explain", "routeImmediately", "on", "when", "once", "oncePer", "perDistinct", "maxDistinct", "cap"];

    private static readonly string[] EventOnlyFields = ["once", "oncePer", "perDistinct", "maxDistinct", "cap"];

    public static IReadOnlyDictionary<string, SignalCategory> Categories { get; } = new Dictionary<string, SignalCategory>(StringComparer.Ordinal)
    {
        ["depth"] = SignalCategory.Depth,
        ["frequency"] = SignalCategory.Frequency,
        ["adoption"] = SignalCategory.Adoption,
        ["viral"] = SignalCategory.Viral,
    };

    public List<SignalRule> ReadAll(IReadOnlyList<YamlNode> nodes, string path)
    {
        var rules = new List<SignalRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var signalPath = $"{path}[{i}]";
            var rule = Read(nodes[i], signalPath);
            if (rule is null)
            {
                continue;
            }

            if (!ids.Add(rule.Definition.Id))
            {
                diagnostics.Error(nodes[i], $"{signalPath}.id", $"signal id '{rule.Definition.Id}' is already used by another signal; ids must be unique");
                continue;
            }

            rules.Add(rule);
        }

        return rules;
    }

    private SignalRule? Read(YamlNode node, string path)
    {
        var map = YamlMap.Open(diagnostics, node, path, Fields, "a signal");
        if (map is null)
        {
            return null;
        }

        var id = map.String("id", required: true, "a signal id such as billing_page");
        var category = map.Enum("category", required: true, Categories, "category");
        var points = map.Number("points", required: true, 0, ReadingLimits.MaxPoints, "the points the signal earns");
        var routeImmediately = map.Boolean("routeImmediately", "whether the signal routes at once") ?? false;
        var explain = map.String("explain", required: false, "a plain-language template such as \"invited {count} teammates\"");
        if (explain is not null && ExplanationTemplate.FindUnknownPlaceholder(explain) is { } unknown)
        {
            diagnostics.Error(map.Get("explain")!, map.FieldPath("explain"),
                $"unknown placeholder {unknown}; allowed: {{count}}, {{points}}, {{ago}}, {{count|singular|plural}}");
        }

        var hasOn = map.Has("on");
        var hasWhen = map.Has("when");
        if (hasOn == hasWhen)
        {
            diagnostics.Error(node, path, hasOn
                ? "a signal has either 'on' (events that earn points) or 'when' (a condition), not both"
                : "a signal needs 'on' (events that earn points) or 'when' (a condition)");
            return null;
        }

        if (id is null || category is null || points is null)
        {
            return null;
        }

        var definition = new SignalDefinition(id, category.Value, points.Value, routeImmediately, explain ?? DefaultExplanation(id));
        var rule = hasOn ? ReadEventRule(map, definition) : ReadConditionRule(map, definition);
        if (rule is not null && points.Value == 0)
        {
            diagnostics.Warning(map.Get("points")!, map.FieldPath("points"), "0 points: the signal can never add to the score; give it points or remove it");
        }

        return rule;
    }

    private SignalRule? ReadEventRule(YamlMap map, SignalDefinition definition)
    {
        var (matchers, canMatch) = MatcherReader.Read(diagnostics, map.Get("on")!, map.FieldPath("on"));
        var modes = new[] { "once", "oncePer", "perDistinct" }.Where(map.Has).ToList();
        if (modes.Count > 1)
        {
            diagnostics.Error(map.Node, map.Path, $"'{modes[0]}' and '{modes[1]}' cannot be combined; a signal earns per occurrence (default), once, oncePer a window, or perDistinct value");
            return null;
        }

        var once = map.Boolean("once", "whether the signal earns only once");
        var oncePer = map.Days("oncePer", required: false, ReadingLimits.MaxWindowDays, "the dedupe window");
        var perDistinct = map.String("perDistinct", required: false, "the property whose distinct values earn points, e.g. feature");
        var maxDistinct = map.Integer("maxDistinct", required: false, 1, ReadingLimits.MaxDistinctValues, "how many distinct values can earn");
        var cap = map.Number("cap", required: false, 0, ReadingLimits.MaxPoints, "the most decayed points the signal can hold");
        if (maxDistinct is not null && perDistinct is null)
        {
            diagnostics.Error(map.Get("maxDistinct")!, map.FieldPath("maxDistinct"), "'maxDistinct' only applies with 'perDistinct'");
        }

        if (cap is not null && (once == true || oncePer is not null))
        {
            diagnostics.Error(map.Get("cap")!, map.FieldPath("cap"), "'cap' applies to signals that earn per occurrence or perDistinct; once/oncePer already limit the points");
        }

        if (!canMatch)
        {
            diagnostics.Warning(map.Get("on")!, map.FieldPath("on"), $"signal '{definition.Id}' can never fire: none of its event matchers can match");
        }

        if (cap == 0)
        {
            diagnostics.Warning(map.Get("cap")!, map.FieldPath("cap"), $"cap 0: signal '{definition.Id}' can never add to the score");
        }

        if (once == true)
        {
            return new OnceRule(definition, matchers, slots);
        }

        if (oncePer is { } window)
        {
            return new OncePerWindowRule(definition, matchers, window, header.HalfLifeDays, slots);
        }

        if (perDistinct is not null)
        {
            return new PerDistinctValueRule(definition, matchers, ValueSelector.Of(perDistinct), maxDistinct ?? ReadingLimits.DefaultDistinctValues, slots);
        }

        return new EachOccurrenceRule(definition, matchers, cap, header.HalfLifeDays, slots);
    }

    private ConditionRule? ReadConditionRule(YamlMap map, SignalDefinition definition)
    {
        foreach (var field in EventOnlyFields.Where(map.Has))
        {
            diagnostics.Error(map.KeyNode(field), map.FieldPath(field), $"'{field}' applies to event signals ('on'); a 'when' signal earns its points while the condition holds");
        }

        var condition = new ConditionReader(diagnostics, slots).Read(map.Get("when")!, map.FieldPath("when"));
        if (condition is null)
        {
            return null;
        }

        if (!condition.CanHold)
        {
            diagnostics.Warning(map.Get("when")!, map.FieldPath("when"), $"signal '{definition.Id}' can never fire: its condition can never hold");
        }

        return new ConditionRule(definition, condition);
    }

    private static string DefaultExplanation(string id) => id.Replace('_', ' ').Replace('.', ' ') + " ({count}x, last {ago})";
}
