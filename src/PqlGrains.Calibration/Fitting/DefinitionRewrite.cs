using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PqlGrains.Calibration.Fitting;

/// <summary>
/// Writes a new version of a definition by editing its YAML text in place: the version, each
/// signal's <c>points</c> (and <c>cap</c>, scaled alike), with a comment block on top. Everything
/// else (comments, layout, tiers, predicates) stays as the team wrote it, so the pull request diff
/// shows only what calibration changed. Signals must be written in block style (<c>- id: x</c>
/// followed by <c>points: n</c> on its own line), as the shipped default is.
/// </summary>
public static partial class DefinitionRewrite
{
    /// <param name="points">New points for each user signal id; signals not listed keep theirs.</param>
    /// <param name="otherScale">Factor for signals not in <paramref name="points"/> (account signals), so they keep their weight relative to the new scale.</param>
    public static string Rewrite(string yaml, string version, IReadOnlyDictionary<string, double> points, double otherScale, string header)
    {
        var output = new StringBuilder();
        foreach (var line in header.Split('\n'))
        {
            output.Append("# ").Append(line.TrimEnd()).Append('\n');
        }

        string? signal = null;
        var signalIndent = -1;
        double? scale = null;
        var versionWritten = false;
        foreach (var raw in yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw;
            var indent = line.Length - line.TrimStart().Length;
            var content = line.Trim();
            if (content.Length > 0 && !content.StartsWith('#') && indent <= signalIndent && !content.StartsWith("- id:", StringComparison.Ordinal))
            {
                signal = null;
                signalIndent = -1;
            }

            if (indent == 0 && VersionLine().IsMatch(line))
            {
                line = $"version: \"{version}\"";
                versionWritten = true;
            }
            else if (SignalStart().Match(line) is { Success: true } start)
            {
                signal = start.Groups["id"].Value;
                signalIndent = indent;
                scale = null;
            }
            else if (signal is not null && PointsLine().Match(line) is { Success: true } field && indent > signalIndent)
            {
                var old = double.Parse(field.Groups["value"].Value, CultureInfo.InvariantCulture);
                double updated;
                if (field.Groups["key"].Value == "points")
                {
                    updated = points.TryGetValue(signal, out var fitted) ? fitted : Math.Round(old * otherScale);
                    scale = old > 0 ? updated / old : otherScale;
                }
                else
                {
                    updated = Math.Round(old * (scale ?? otherScale));
                }

                line = line[..field.Groups["value"].Index] + updated.ToString("0.##", CultureInfo.InvariantCulture) + line[(field.Groups["value"].Index + field.Groups["value"].Length)..];
            }

            output.Append(line).Append('\n');
        }

        if (!versionWritten)
        {
            throw new FormatException("The base definition has no top-level 'version:' line to bump; add one (e.g. version: \"1\").");
        }

        return output.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>The next version: an integer is incremented, anything else gets a "-calibrated" suffix.</summary>
    public static string NextVersion(string version) =>
        int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (number + 1).ToString(CultureInfo.InvariantCulture)
            : version + "-calibrated";

    [GeneratedRegex("""^version:\s*("[^"]*"|'[^']*'|\S+)\s*(#.*)?$""")]
    private static partial Regex VersionLine();

    [GeneratedRegex("""^\s*-\s+id:\s*["']?(?<id>[A-Za-z0-9_.\-]+)["']?\s*(#.*)?$""")]
    private static partial Regex SignalStart();

    [GeneratedRegex("""^\s*(?<key>points|cap):\s*(?<value>-?[0-9]+(\.[0-9]+)?)\s*(#.*)?$""")]
    private static partial Regex PointsLine();
}
