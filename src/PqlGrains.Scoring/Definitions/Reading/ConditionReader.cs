using PqlGrains.Scoring.Conditions;
using PqlGrains.Scoring.Engine;
using PqlGrains.Scoring.Events;
using YamlDotNet.RepresentationModel;

namespace PqlGrains.Scoring.Definitions.Reading;

/// <summary>
/// Reads <c>when:</c> conditions. Each condition is a mapping with exactly one of: count, distinct,
/// afterSignup, seenWithin, activeUsers, all, any, atLeast.
/// </summary>
internal sealed class ConditionReader(DiagnosticBag diagnostics, SlotAllocator slots)
{
    private static readonly string[] Kinds = ["count", "distinct", "afterSignup", "seenWithin", "activeUsers", "all", "any", "atLeast"];

    private static readonly EventMatcher[] ActivityMatchers =
    [
        new(EventType.Track, null, []),
        new(EventType.Page, null, []),
        new(EventType.Screen, null, []),
    ];

    /// <summary>The condition, or null after reporting errors.</summary>
    public Condition? Read(YamlNode node, string path)
    {
        var map = YamlMap.Open(diagnostics, node, path, Kinds, "a condition");
        if (map is null)
        {
            return null;
        }

        var kinds = map.Keys.ToList();
        if (kinds.Count != 1)
        {
            diagnostics.Error(node, path, $"a condition has exactly one of {string.Join(", ", Kinds)}; found {(kinds.Count == 0 ? "none" : string.Join(", ", kinds))}. Combine several with all/any/atLeast");
            return null;
        }

        var kind = kinds[0];
        var body = map.Get(kind)!;
        var bodyPath = map.FieldPath(kind);
        return kind switch
        {
            "count" => ReadCount(body, bodyPath),
            "distinct" => ReadDistinct(body, bodyPath),
            "afterSignup" => ReadAfterSignup(body, bodyPath),
            "seenWithin" => YamlMap.ReadDays(diagnostics, body, bodyPath, ReadingLimits.MaxWindowDays, "the recency window") is { } days ? new SeenWithinCondition(days) : null,
            "activeUsers" => ReadActiveUsers(body, bodyPath),
            "all" => ReadCombination(body, bodyPath, atLeast: null, all: true),
            "any" => ReadCombination(body, bodyPath, atLeast: 1, all: false),
            _ => ReadAtLeastOf(body, bodyPath),
        };
    }

    private Condition? ReadCount(YamlNode node, string path)
    {
        var map = YamlMap.Open(diagnostics, node, path, ["on", "atLeast", "within"], "a count condition");
        if (map?.Require("on", "the events to count") is not { } on)
        {
            return null;
        }

        var (matchers, canMatch) = MatcherReader.Read(diagnostics, on, map.FieldPath("on"));
        var atLeast = map.Integer("atLeast", required: false, 1, ReadingLimits.MaxAtLeast, "the minimum count") ?? 1;
        var within = map.Days("within", required: false, ReadingLimits.MaxWindowDays, "the counting window");
        return canMatch ? new CountCondition(matchers, atLeast, within, slots) : new NeverCondition();
    }

    private Condition? ReadDistinct(YamlNode node, string path)
    {
        var map = YamlMap.Open(diagnostics, node, path, ["on", "property", "atLeast", "within"], "a distinct-values condition");
        if (map?.Require("on", "the events whose property values are counted") is not { } on)
        {
            return null;
        }

        var (matchers, canMatch) = MatcherReader.Read(diagnostics, on, map.FieldPath("on"));
        var property = map.String("property", required: true, "the property whose distinct values are counted, e.g. feature");
        var atLeast = map.Integer("atLeast", required: true, 1, ReadingLimits.MaxAtLeast, "the minimum number of distinct values");
        var within = map.Days("within", required: false, ReadingLimits.MaxWindowDays, "the window");
        if (property is null || atLeast is null)
        {
            return null;
        }

        return canMatch ? new DistinctCondition(matchers, ValueSelector.Of(property), atLeast.Value, within, slots) : new NeverCondition();
    }

    private Condition? ReadAfterSignup(YamlNode node, string path)
    {
        var map = YamlMap.Open(diagnostics, node, path, ["on", "atLeast", "within"], "a signup-window condition");
        if (map?.Require("on", "the events to count after signup") is not { } on)
        {
            return null;
        }

        var (matchers, canMatch) = MatcherReader.Read(diagnostics, on, map.FieldPath("on"));
        var atLeast = map.Integer("atLeast", required: false, 1, ReadingLimits.MaxAtLeast, "the minimum count") ?? 1;
        var within = map.Days("within", required: true, ReadingLimits.MaxWindowDays, "the window after signup, e.g. 7d");
        if (within is null)
        {
            return null;
        }

        return canMatch ? new SignupWindowCondition(matchers, atLeast, within.Value, slots) : new NeverCondition();
    }

    private DistinctCondition? ReadActiveUsers(YamlNode node, string path)
    {
        var map = YamlMap.Open(diagnostics, node, path, ["atLeast", "within"], "an active-users condition");
        var atLeast = map?.Integer("atLeast", required: true, 1, ReadingLimits.MaxAtLeast, "the minimum number of active users");
        var within = map?.Days("within", required: false, ReadingLimits.MaxWindowDays, "the activity window");
        return atLeast is null ? null : new DistinctCondition(ActivityMatchers, ValueSelector.UserId, atLeast.Value, within, slots);
    }

    private Condition? ReadAtLeastOf(YamlNode node, string path)
    {
        var map = YamlMap.Open(diagnostics, node, path, ["count", "of"], "an at-least-k-of condition");
        var count = map?.Integer("count", required: true, 1, ReadingLimits.MaxAtLeast, "how many of the conditions must hold");
        if (map?.Require("of", "the list of conditions") is not { } of || count is null)
        {
            return null;
        }

        return ReadCombination(of, map.FieldPath("of"), count, all: false);
    }

    private Condition? ReadCombination(YamlNode node, string path, int? atLeast, bool all)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            diagnostics.Error(node, path, $"expected a non-empty list of conditions, found {YamlMap.Describe(node)}");
            return null;
        }

        var children = new List<Condition>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (Read(list.Children[i], $"{path}[{i}]") is { } child)
            {
                children.Add(child);
            }
        }

        if (children.Count != list.Children.Count)
        {
            return null;
        }

        var k = all ? children.Count : atLeast!.Value;
        var combined = new AtLeastOfCondition(k, children.ToArray());
        if (!combined.CanHold)
        {
            diagnostics.Warning(node, path, k > children.Count
                ? $"needs {k} conditions to hold but lists only {children.Count}, so it can never hold; lower the count or add conditions"
                : "too few of these conditions can ever hold, so the combination never holds");
        }

        return combined;
    }
}
