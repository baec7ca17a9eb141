using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Cli.Scoring;

/// <summary>
/// Reads Segment-format NDJSON (one Segment message per line) into scoring events.
/// Stand-in until the Segment protocol library (src/PqlGrains.Segment, SegmentNdjsonReader) lands on
/// main: <see cref="ReadAsync"/> is the only entry point, so swapping it is a one-function change.
/// </summary>
internal static class EventFileReader
{
    private static readonly Dictionary<string, EventType> Types = new(StringComparer.Ordinal)
    {
        ["track"] = EventType.Track,
        ["page"] = EventType.Page,
        ["screen"] = EventType.Screen,
        ["identify"] = EventType.Identify,
        ["group"] = EventType.Group,
        ["alias"] = EventType.Alias,
    };

    public static async IAsyncEnumerable<EventFileRecord> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return ReadLine(text, line);
            }
        }
    }

    private static EventFileRecord ReadLine(string text, int line)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object)
            {
                return Rejected(line, "expected one JSON object (a Segment message) per line");
            }

            var typeName = String(message, "type");
            if (typeName is null || !Types.TryGetValue(typeName, out var type))
            {
                return Rejected(line, $"'type' must be one of {string.Join(", ", Types.Keys)}, found {typeName ?? "nothing"}");
            }

            var userId = String(message, "userId") ?? String(message, "anonymousId");
            if (userId is null)
            {
                return Rejected(line, "the message has neither userId nor anonymousId");
            }

            var messageId = String(message, "messageId");
            if (messageId is null)
            {
                return Rejected(line, "the message has no messageId; scoring needs it to drop duplicates");
            }

            var timestampText = String(message, "timestamp") ?? String(message, "originalTimestamp") ?? String(message, "receivedAt");
            if (!DateTimeOffset.TryParse(timestampText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
            {
                return Rejected(line, "the message needs an ISO 8601 timestamp (timestamp, originalTimestamp or receivedAt)");
            }

            var name = type switch
            {
                EventType.Track => String(message, "event"),
                EventType.Page or EventType.Screen => String(message, "name") ?? "",
                _ => "",
            };
            if (name is null)
            {
                return Rejected(line, "a track message needs 'event' (the event name)");
            }

            var bag = type is EventType.Identify or EventType.Group ? "traits" : "properties";
            var properties = new List<KeyValuePair<string, PropertyValue>>();
            if (message.TryGetProperty(bag, out var values) && values.ValueKind == JsonValueKind.Object)
            {
                Flatten(values, "", properties);
            }

            var groupId = type == EventType.Group ? String(message, "groupId") : null;
            if (groupId is null && message.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object)
            {
                groupId = String(context, "groupId");
            }

            return new EventFileRecord(line, new ScoringEvent(messageId, userId, type, name, timestamp, new EventProperties(properties), groupId), null);
        }
        catch (JsonException e)
        {
            return Rejected(line, $"invalid JSON: {e.Message}");
        }
    }

    private static void Flatten(JsonElement element, string prefix, List<KeyValuePair<string, PropertyValue>> into)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix + property.Name;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(value, key + ".", into);
                    break;
                case JsonValueKind.String:
                    into.Add(KeyValuePair.Create(key, PropertyValue.From(value.GetString())));
                    break;
                case JsonValueKind.Number:
                    into.Add(KeyValuePair.Create(key, PropertyValue.From(value.GetDouble())));
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    into.Add(KeyValuePair.Create(key, PropertyValue.From(value.GetBoolean())));
                    break;
                case JsonValueKind.Array:
                    into.Add(KeyValuePair.Create(key, PropertyValue.From(value.GetRawText())));
                    break;
            }
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static EventFileRecord Rejected(int line, string error) => new(line, null, $"line {line}: {error}");
}
