using System.Globalization;
using System.Text;

namespace PqlGrains.Scoring.Evaluation;

/// <summary>
/// Renders a signal's plain-language template. Placeholders: {count}, {points}, {ago} ("today",
/// "yesterday", "3 days ago"), and {count|singular|plural} for agreement ("1 teammate", "3 teammates").
/// </summary>
internal static class ExplanationTemplate
{
    public static IReadOnlyList<string> Placeholders { get; } = ["count", "points", "ago"];

    public static string Render(string template, long count, double points, int? daysAgo)
    {
        var text = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            text.Append(template, i, open - i);
            text.Append(Substitute(template[(open + 1)..close], count, points, daysAgo));
            i = close + 1;
        }

        return text.ToString();
    }

    /// <summary>The first placeholder the renderer does not know, for validation.</summary>
    public static string? FindUnknownPlaceholder(string template)
    {
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i);
            if (close < 0)
            {
                return template[i..];
            }

            var name = template[(i + 1)..close];
            var key = name.Split('|')[0];
            if (!Placeholders.Contains(key) || (name.Contains('|') && (key != "count" || name.Split('|').Length != 3)))
            {
                return "{" + name + "}";
            }

            i = close + 1;
        }

        return null;
    }

    private static string Substitute(string placeholder, long count, double points, int? daysAgo)
    {
        var parts = placeholder.Split('|');
        return parts[0] switch
        {
            "count" when parts.Length == 3 => count == 1 ? parts[1] : parts[2],
            "count" => count.ToString(CultureInfo.InvariantCulture),
            "points" => Math.Round(points, 1).ToString(CultureInfo.InvariantCulture),
            "ago" => daysAgo switch
            {
                null => "some time ago",
                <= 0 => "today",
                1 => "yesterday",
                var days => $"{days} days ago",
            },
            _ => "{" + placeholder + "}",
        };
    }
}
