using System.Globalization;
using System.Text.Json;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;

namespace PqlGrains.Cli.Scoring;

/// <summary>Prints <c>pql score</c> results for people (text) or scripts (JSON).</summary>
internal static class ScoreReportWriter
{
    public static void WriteText(TextWriter output, IReadOnlyList<ScoredEntity> entities)
    {
        foreach (var (kind, id, result) in entities)
        {
            output.WriteLine($"{kind} {id}: {Number(result.Score)} {TierText(result)}");
            foreach (var line in result.TopSignals)
            {
                output.WriteLine($"  - {line}");
            }

            var parts = result.Signals.Where(s => s.Points > 0).Select(s => $"{s.SignalId} {Number(s.Points)} ({Name(s.Category)})").ToList();
            if (result.MemberRollup > 0)
            {
                parts.Insert(0, $"top users {Number(result.MemberRollup)} ({string.Join(", ", result.TopMembers.Select(m => $"{m.UserId} {Number(m.Score)}"))})");
            }

            if (parts.Count > 0)
            {
                output.WriteLine($"  breakdown: {string.Join(", ", parts)}");
            }
        }
    }

    public static void WriteJson(Stream output, IReadOnlyList<ScoredEntity> entities)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var (kind, id, result) in entities)
        {
            json.WriteStartObject();
            json.WriteString("kind", kind);
            json.WriteString("id", id);
            json.WriteNumber("score", result.Score);
            if (result.Tier is { } tier)
            {
                json.WriteString("tier", tier.Name);
            }
            else
            {
                json.WriteNull("tier");
            }

            json.WriteString("suppression", result.Suppression == SuppressionReason.None ? null : Name(result.Suppression));
            json.WriteBoolean("routeImmediately", result.RouteImmediately);
            json.WriteString("definition", $"{result.DefinitionId}@{result.DefinitionVersion}");
            json.WriteString("at", result.EvaluatedAt);
            json.WriteStartArray("topSignals");
            foreach (var line in result.TopSignals)
            {
                json.WriteStringValue(line);
            }

            json.WriteEndArray();
            json.WriteStartArray("breakdown");
            foreach (var signal in result.Signals)
            {
                json.WriteStartObject();
                json.WriteString("signal", signal.SignalId);
                json.WriteString("category", Name(signal.Category));
                json.WriteNumber("points", signal.Points);
                json.WriteNumber("count", signal.Count);
                json.WriteString("explanation", signal.Explanation);
                json.WriteEndObject();
            }

            if (kind == "account")
            {
                json.WriteStartObject();
                json.WriteString("signal", "top_users");
                json.WriteNull("category");
                json.WriteNumber("points", result.MemberRollup);
                json.WriteNumber("count", result.TopMembers.Count);
                json.WriteString("explanation", string.Join(", ", result.TopMembers.Select(m => $"{m.UserId} {Number(m.Score)}")));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("categories");
            foreach (var category in result.Categories)
            {
                json.WriteNumber(Name(category.Category), category.WeightedPoints);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string TierText(ScoreResult result)
    {
        if (result.Tier is not { } tier)
        {
            return "(no tier)";
        }

        var sla = tier.ResponseSla is { } time ? $", SLA {Duration(time)}" : "";
        var suppressed = result.Suppression == SuppressionReason.None ? "" : $" [suppressed: {Name(result.Suppression)}]";
        return $"{tier.Name} (route {tier.Route}{sla}){suppressed}";
    }

    private static string Duration(TimeSpan time) =>
        time.TotalMinutes < 60 ? $"{time.TotalMinutes:0}m" : time.TotalHours < 24 ? $"{time.TotalHours:0.#}h" : $"{time.TotalDays:0.#}d";

    private static string Number(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    private static string Name<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        return string.Concat(text.Select((c, i) => char.IsUpper(c) ? (i == 0 ? char.ToLowerInvariant(c).ToString() : "_" + char.ToLowerInvariant(c)) : c.ToString()));
    }
}
