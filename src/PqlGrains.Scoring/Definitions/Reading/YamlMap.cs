using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PqlGrains.Scoring.Definitions.Reading;

/// <summary>
/// A YAML mapping with a known set of fields: unknown fields are reported on open, and typed
/// getters report wrong types and ranges with the field's path and position.
/// </summary>
internal sealed class YamlMap
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _fields;

    private YamlMap(YamlMappingNode node, string path, DiagnosticBag diagnostics, Dictionary<string, (YamlNode Key, YamlNode Value)> fields)
    {
        Node = node;
        Path = path;
        Diagnostics = diagnostics;
        _fields = fields;
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public DiagnosticBag Diagnostics { get; }

    public IEnumerable<string> Keys => _fields.Keys;

    public static YamlMap? Open(DiagnosticBag diagnostics, YamlNode node, string path, IReadOnlyCollection<string> allowed, string what)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Error(node, path, $"expected {what} (a mapping of fields: {string.Join(", ", allowed)}), found {Describe(node)}");
            return null;
        }

        var fields = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : "";
            var fieldPath = Join(path, name);
            if (!allowed.Contains(name))
            {
                diagnostics.Error(key, fieldPath, $"unknown field '{name}'; allowed fields here: {string.Join(", ", allowed)}");
            }
            else
            {
                // YamlDotNet already rejects a key written twice in one mapping.
                fields[name] = (key, value);
            }
        }

        return new YamlMap(mapping, path, diagnostics, fields);
    }

    public static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: var v } => $"the value '{v}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };

    public bool Has(string field) => _fields.ContainsKey(field);

    public YamlNode? Get(string field) => _fields.TryGetValue(field, out var entry) ? entry.Value : null;

    public YamlNode KeyNode(string field) => _fields[field].Key;

    public string FieldPath(string field) => Join(Path, field);

    public YamlNode? Require(string field, string what)
    {
        var value = Get(field);
        if (value is null)
        {
            Diagnostics.Error(Node, FieldPath(field), $"required field '{field}' is missing; add {what}");
        }

        return value;
    }

    public string? String(string field, bool required, string what)
    {
        var node = required ? Require(field, what) : Get(field);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } text })
        {
            return text;
        }

        Diagnostics.Error(node, FieldPath(field), $"expected {what}, found {Describe(node)}");
        return null;
    }

    public double? Number(string field, bool required, double min, double max, string what)
    {
        var node = required ? Require(field, what) : Get(field);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text } &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            Diagnostics.Error(node, FieldPath(field), $"{text} is out of range; allowed: {Range(min, max)}");
            return null;
        }

        Diagnostics.Error(node, FieldPath(field), $"expected {what} (a number), found {Describe(node)}");
        return null;
    }

    public int? Integer(string field, bool required, int min, int max, string what)
    {
        var node = required ? Require(field, what) : Get(field);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text } &&
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            Diagnostics.Error(node, FieldPath(field), $"{text} is out of range; allowed: {Range(min, max)}");
            return null;
        }

        Diagnostics.Error(node, FieldPath(field), $"expected {what} (a whole number), found {Describe(node)}");
        return null;
    }

    public bool? Boolean(string field, string what)
    {
        var node = Get(field);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Diagnostics.Error(node, FieldPath(field), $"expected {what}: true or false, found {Describe(node)}");
        return null;
    }

    /// <summary>A whole number of days written as <c>7d</c> (or a bare 7).</summary>
    public int? Days(string field, bool required, int max, string what)
    {
        var node = required ? Require(field, what) : Get(field);
        if (node is null)
        {
            return null;
        }

        return ReadDays(Diagnostics, node, FieldPath(field), max, what);
    }

    public static int? ReadDays(DiagnosticBag diagnostics, YamlNode node, string path, int max, string what)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            var digits = text.EndsWith('d') ? text[..^1] : text;
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                if (days >= 1 && days <= max)
                {
                    return days;
                }

                diagnostics.Error(node, path, $"{text} is out of range; allowed: 1d to {max}d");
                return null;
            }
        }

        diagnostics.Error(node, path, $"expected {what} as whole days such as 7d, found {Describe(node)}");
        return null;
    }

    public T? Enum<T>(string field, bool required, IReadOnlyDictionary<string, T> allowed, string what)
        where T : struct
    {
        var node = required ? Require(field, what) : Get(field);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && allowed.TryGetValue(text, out var value))
        {
            return value;
        }

        Diagnostics.Error(node, FieldPath(field), $"{Describe(node)} is not a valid {what}; allowed: {string.Join(", ", allowed.Keys)}");
        return null;
    }

    public IReadOnlyList<YamlNode>? Sequence(string field, bool required, string what)
    {
        var node = required ? Require(field, what) : Get(field);
        if (node is null)
        {
            return null;
        }

        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }

        Diagnostics.Error(node, FieldPath(field), $"expected {what} (a list), found {Describe(node)}");
        return null;
    }

    private static string Range(double min, double max) =>
        max >= int.MaxValue ? $">= {min.ToString(CultureInfo.InvariantCulture)}" : $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
}
