using System.Globalization;
using PqlGrains.Scoring.Engine;
using PqlGrains.Scoring.Events;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PqlGrains.Scoring.Definitions.Reading;

/// <summary>
/// Reads <c>on:</c> event matchers: a track event name, a mapping {type, event, where}, or a list of
/// those (any matches). <c>where</c> maps a property to a value (equality) or to operators.
/// </summary>
internal static class MatcherReader
{
    private static readonly string[] MatcherFields = ["type", "event", "where"];

    private static readonly Dictionary<string, EventType> Types = new(StringComparer.Ordinal)
    {
        ["track"] = EventType.Track,
        ["page"] = EventType.Page,
        ["screen"] = EventType.Screen,
        ["identify"] = EventType.Identify,
        ["group"] = EventType.Group,
    };

    private static readonly Dictionary<string, ComparisonOperator> Operators = new(StringComparer.Ordinal)
    {
        ["=="] = ComparisonOperator.Equal,
        ["!="] = ComparisonOperator.NotEqual,
        [">="] = ComparisonOperator.GreaterOrEqual,
        [">"] = ComparisonOperator.Greater,
        ["<="] = ComparisonOperator.LessOrEqual,
        ["<"] = ComparisonOperator.Less,
        ["in"] = ComparisonOperator.In,
        ["exists"] = ComparisonOperator.Exists,
    };

    /// <summary>The matchers, and whether any of them can ever match (for "never fires" warnings).</summary>
    public static (EventMatcher[] Matchers, bool CanMatch) Read(DiagnosticBag diagnostics, YamlNode node, string path)
    {
        var matchers = new List<EventMatcher>();
        var canMatch = false;
        if (node is YamlSequenceNode list)
        {
            if (list.Children.Count == 0)
            {
                diagnostics.Error(node, path, "the list of events is empty; name at least one event, e.g. team.member_invited");
            }

            for (var i = 0; i < list.Children.Count; i++)
            {
                canMatch |= ReadOne(diagnostics, list.Children[i], $"{path}[{i}]", matchers);
            }
        }
        else
        {
            canMatch = ReadOne(diagnostics, node, path, matchers);
        }

        return (matchers.ToArray(), canMatch);
    }

    private static bool ReadOne(DiagnosticBag diagnostics, YamlNode node, string path, List<EventMatcher> matchers)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } name })
        {
            matchers.Add(new EventMatcher(EventType.Track, name, []));
            return true;
        }

        var map = YamlMap.Open(diagnostics, node, path, MatcherFields, "an event name or an event matcher");
        if (map is null)
        {
            return false;
        }

        var type = map.Enum("type", required: false, Types, "event type") ?? EventType.Track;
        var eventName = map.String("event", required: false, "the event name");
        if (type == EventType.Track && eventName is null && !map.Has("event"))
        {
            diagnostics.Error(map.Node, map.FieldPath("event"), "a track matcher needs 'event' (the event name); page calls use type: page");
        }

        var canMatch = true;
        var predicates = new List<PropertyPredicate>();
        if (map.Get("where") is { } where)
        {
            canMatch = ReadWhere(diagnostics, where, map.FieldPath("where"), predicates);
        }

        matchers.Add(new EventMatcher(type, eventName, predicates.ToArray()));
        return canMatch;
    }

    private static bool ReadWhere(DiagnosticBag diagnostics, YamlNode node, string path, List<PropertyPredicate> predicates)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Error(node, path, $"expected a mapping of property: condition (e.g. ratio: {{ \">=\": 0.8 }}), found {YamlMap.Describe(node)}");
            return false;
        }

        var canMatch = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var property = (keyNode as YamlScalarNode)?.Value ?? "";
            var propertyPath = YamlMap.Join(path, property);
            if (valueNode is YamlMappingNode operators)
            {
                foreach (var (opNode, operandNode) in operators.Children)
                {
                    canMatch &= ReadOperator(diagnostics, property, opNode, operandNode, propertyPath, predicates);
                }
            }
            else if (TryReadScalar(valueNode, out var value))
            {
                predicates.Add(new PropertyPredicate(property, ComparisonOperator.Equal, value, []));
            }
            else
            {
                diagnostics.Error(valueNode, propertyPath, $"expected a value or a mapping of operators ({string.Join(", ", Operators.Keys)}), found {YamlMap.Describe(valueNode)}");
            }
        }

        return canMatch;
    }

    private static bool ReadOperator(DiagnosticBag diagnostics, string property, YamlNode opNode, YamlNode operandNode, string path, List<PropertyPredicate> predicates)
    {
        var opText = (opNode as YamlScalarNode)?.Value ?? "";
        var opPath = YamlMap.Join(path, opText);
        if (!Operators.TryGetValue(opText, out var op))
        {
            diagnostics.Error(opNode, opPath, $"unknown operator '{opText}'; allowed: {string.Join(", ", Operators.Keys)}");
            return true;
        }

        switch (op)
        {
            case ComparisonOperator.In:
                if (operandNode is not YamlSequenceNode list)
                {
                    diagnostics.Error(operandNode, opPath, $"'in' needs a list of values such as [/pricing, /billing], found {YamlMap.Describe(operandNode)}");
                    return true;
                }

                var set = new List<PropertyValue>();
                foreach (var item in list.Children)
                {
                    if (TryReadScalar(item, out var value))
                    {
                        set.Add(value);
                    }
                    else
                    {
                        diagnostics.Error(item, opPath, $"'in' lists plain values, found {YamlMap.Describe(item)}");
                    }
                }

                predicates.Add(new PropertyPredicate(property, op, PropertyValue.Null, set.ToArray()));
                if (list.Children.Count == 0)
                {
                    diagnostics.Warning(operandNode, opPath, "'in' with an empty list never matches, so this matcher can never fire; list the allowed values");
                    return false;
                }

                return true;

            case ComparisonOperator.Exists:
                if (operandNode is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } flag)
                {
                    predicates.Add(new PropertyPredicate(property, op, PropertyValue.From(flag.Value == "true"), []));
                }
                else
                {
                    diagnostics.Error(operandNode, opPath, $"'exists' takes true or false, found {YamlMap.Describe(operandNode)}");
                }

                return true;

            case ComparisonOperator.Equal or ComparisonOperator.NotEqual:
                if (TryReadScalar(operandNode, out var operand))
                {
                    predicates.Add(new PropertyPredicate(property, op, operand, []));
                }
                else
                {
                    diagnostics.Error(operandNode, opPath, $"'{opText}' compares with a plain value, found {YamlMap.Describe(operandNode)}");
                }

                return true;

            default:
                if (TryReadScalar(operandNode, out var number) && number.Kind == PropertyKind.Number)
                {
                    predicates.Add(new PropertyPredicate(property, op, number, []));
                }
                else
                {
                    diagnostics.Error(operandNode, opPath, $"'{opText}' compares numbers; write a number such as 0.8, found {YamlMap.Describe(operandNode)}");
                }

                return true;
        }
    }

    /// <summary>Plain YAML scalars are typed (true/false, numbers, null); quoted scalars are always strings.</summary>
    public static bool TryReadScalar(YamlNode node, out PropertyValue value)
    {
        value = PropertyValue.Null;
        if (node is not YamlScalarNode { Value: { } text } scalar)
        {
            return false;
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            value = PropertyValue.From(text);
            return true;
        }

        value = text switch
        {
            "true" => PropertyValue.From(true),
            "false" => PropertyValue.From(false),
            "null" or "~" or "" => PropertyValue.Null,
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => PropertyValue.From(number),
            _ => PropertyValue.From(text),
        };
        return true;
    }
}
