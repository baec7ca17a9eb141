using System.Runtime.InteropServices;
using System.Text.Json;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Segment;

/// <summary>
/// Validates one Segment message and normalises it into a <see cref="ScoringEvent"/>; an
/// invalid message yields an error that says what is wrong and how to fix it.
/// </summary>
internal static class SegmentMessageReader
{
    private static readonly string[] PageContextFields = ["path", "url", "title", "referrer", "search"];

    public static ScoringEvent? Read(JsonElement message, SegmentEndpoint endpoint, in SegmentEnvelope envelope, out string? messageId, out string? error)
    {
        messageId = null;
        if (message.ValueKind != JsonValueKind.Object)
        {
            error = $"the message is {SegmentTimestamps.Describe(message)}, not a JSON object: send objects such as {{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Report Exported\"}}.";
            return null;
        }

        var raw = JsonMarshal.GetRawUtf8Value(message);
        var fields = SegmentMessageFields.Collect(message);
        if (fields.MessageId.ValueKind == JsonValueKind.String && fields.MessageId.GetString() is { Length: > 0 } id)
        {
            messageId = id;
        }
        else if (fields.MessageId.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.String))
        {
            error = $"'messageId' must be a string (got {SegmentTimestamps.Describe(fields.MessageId)}): send a unique string per message, or omit it and one is derived from the message.";
            return null;
        }

        if (raw.Length > SegmentLimits.MaxEventBytes)
        {
            error = SegmentLimits.Exceeded(SegmentEndpoint.Track, raw.Length);
            return null;
        }

        if (!TryReadType(fields.Type, endpoint, out var type, out error)
            || !TryReadId(fields.UserId, "userId", out var userId, out error)
            || !TryReadId(fields.AnonymousId, "anonymousId", out var anonymousId, out error)
            || !TryResolveTimestamp(in fields, in envelope, out var timestamp, out error)
            || !TryReadObject(fields.Properties, "properties", out error)
            || !TryReadObject(fields.Traits, "traits", out error)
            || !TryReadObject(fields.Context, "context", out error))
        {
            return null;
        }

        var user = userId ?? anonymousId;
        if (user is null)
        {
            error = "the message has neither 'userId' nor 'anonymousId': set 'userId' (your user's id) or 'anonymousId' (a stable device or session id).";
            return null;
        }

        string name;
        EventProperties properties;
        string? groupId = null;
        switch (type)
        {
            case EventType.Track:
                if (fields.Event.ValueKind != JsonValueKind.String || StringCache.Current.Value(fields.Event) is not { Length: > 0 } eventName)
                {
                    error = $"a track call needs 'event', the action's name as a non-empty string (got {SegmentTimestamps.Describe(fields.Event)}): e.g. \"event\":\"Report Exported\".";
                    return null;
                }

                name = eventName;
                properties = PropertyFlattener.Flatten(fields.Properties);
                break;
            case EventType.Page or EventType.Screen:
                if (!TryReadOptionalString(fields.Name, "name", out var pageName, out error))
                {
                    return null;
                }

                name = pageName ?? string.Empty;
                properties = PropertyFlattener.Flatten(fields.Properties, PageFallbacks(type, in fields, in envelope));
                break;
            case EventType.Identify:
                name = string.Empty;
                properties = PropertyFlattener.Flatten(fields.Traits.ValueKind == JsonValueKind.Object
                    ? fields.Traits
                    : SegmentContext.Find(fields.Context, envelope.Context, "traits"));
                break;
            case EventType.Group:
                if (!TryReadId(fields.GroupId, "groupId", out groupId, out error))
                {
                    return null;
                }

                if (groupId is null)
                {
                    error = "a group call needs 'groupId', the account's id: e.g. \"groupId\":\"acme-inc\".";
                    return null;
                }

                name = string.Empty;
                properties = PropertyFlattener.Flatten(fields.Traits);
                break;
            default:
                if (!TryReadId(fields.PreviousId, "previousId", out var previousId, out error))
                {
                    return null;
                }

                if (previousId is null)
                {
                    error = "an alias call needs 'previousId', the id the user had before (often the anonymousId), and 'userId', the new id.";
                    return null;
                }

                name = string.Empty;
                properties = new EventProperties([new KeyValuePair<string, PropertyValue>("previousId", PropertyValue.From(previousId))]);
                break;
        }

        groupId ??= AccountOf(type, properties, in fields, in envelope);
        error = null;
        return new ScoringEvent(messageId ?? MessageIds.Derive(raw), user, type, name, timestamp, properties, groupId);
    }

    private static bool TryReadType(JsonElement value, SegmentEndpoint endpoint, out EventType type, out string? error)
    {
        error = null;
        if (endpoint != SegmentEndpoint.Batch)
        {
            // The path names the call, as in Segment's API; a body 'type' is ignored there.
            type = (EventType)(byte)endpoint;
            return true;
        }

        type = default;
        if (value.ValueKind == JsonValueKind.String)
        {
            if (value.ValueEquals("track"u8)) { type = EventType.Track; return true; }
            if (value.ValueEquals("identify"u8)) { type = EventType.Identify; return true; }
            if (value.ValueEquals("page"u8)) { type = EventType.Page; return true; }
            if (value.ValueEquals("screen"u8)) { type = EventType.Screen; return true; }
            if (value.ValueEquals("group"u8)) { type = EventType.Group; return true; }
            if (value.ValueEquals("alias"u8)) { type = EventType.Alias; return true; }
            switch (value.GetString()!.ToLowerInvariant())
            {
                case "track": type = EventType.Track; return true;
                case "identify": type = EventType.Identify; return true;
                case "page": type = EventType.Page; return true;
                case "screen": type = EventType.Screen; return true;
                case "group": type = EventType.Group; return true;
                case "alias": type = EventType.Alias; return true;
            }
        }

        error = $"'type' must be one of track, identify, group, page, screen, alias (got {SegmentTimestamps.Describe(value)}): every message in a batch names its call.";
        return false;
    }

    /// <summary>Ids are strings; numbers are accepted as their digits because several SDKs pass numeric ids through.</summary>
    private static bool TryReadId(JsonElement value, string field, out string? id, out string? error)
    {
        error = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
                id = null;
                return true;
            case JsonValueKind.String:
                var text = StringCache.Current.Value(value);
                id = string.IsNullOrWhiteSpace(text) ? null : text;
                return true;
            case JsonValueKind.Number:
                id = value.GetRawText();
                return true;
            default:
                id = null;
                error = $"'{field}' must be a string (got {SegmentTimestamps.Describe(value)}): send the id as a string.";
                return false;
        }
    }

    private static bool TryReadOptionalString(JsonElement value, string field, out string? text, out string? error)
    {
        error = null;
        text = null;
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            text = StringCache.Current.Value(value);
            return true;
        }

        error = $"'{field}' must be a string (got {SegmentTimestamps.Describe(value)}).";
        return false;
    }

    private static bool TryReadObject(JsonElement value, string field, out string? error)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Object)
        {
            error = null;
            return true;
        }

        error = $"'{field}' must be a JSON object (got {SegmentTimestamps.Describe(value)}): send key/value pairs such as {{\"plan\":\"pro\"}}.";
        return false;
    }

    private static bool TryResolveTimestamp(in SegmentMessageFields fields, in SegmentEnvelope envelope, out DateTimeOffset timestamp, out string? error)
    {
        timestamp = default;
        DateTimeOffset? explicitTime = null, original = null, sentAt = envelope.SentAt, receivedAt = envelope.ReceivedAt;
        if (fields.Timestamp.ValueKind != JsonValueKind.Undefined)
        {
            if (!SegmentTimestamps.TryRead(fields.Timestamp, "timestamp", out var value, out error)) return false;
            explicitTime = value;
        }

        if (fields.OriginalTimestamp.ValueKind != JsonValueKind.Undefined)
        {
            if (!SegmentTimestamps.TryRead(fields.OriginalTimestamp, "originalTimestamp", out var value, out error)) return false;
            original = value;
        }

        if (fields.SentAt.ValueKind != JsonValueKind.Undefined)
        {
            if (!SegmentTimestamps.TryRead(fields.SentAt, "sentAt", out var value, out error)) return false;
            sentAt = value;
        }
        else if (envelope.SentAtError is not null && explicitTime is null && original is not null)
        {
            error = envelope.SentAtError;
            return false;
        }

        // Files have no receipt time of their own: the message's recorded receivedAt stands in.
        if (receivedAt is null && fields.ReceivedAt.ValueKind != JsonValueKind.Undefined)
        {
            if (!SegmentTimestamps.TryRead(fields.ReceivedAt, "receivedAt", out var value, out error)) return false;
            receivedAt = value;
        }

        if (SegmentTimestamps.Resolve(explicitTime, original, sentAt, receivedAt) is { } resolved)
        {
            timestamp = resolved;
            error = null;
            return true;
        }

        error = "the message has no 'timestamp', 'originalTimestamp' or 'receivedAt': messages read from files must carry the time they happened.";
        return false;
    }

    private static (string Key, JsonElement Value)[] PageFallbacks(EventType type, in SegmentMessageFields fields, in SegmentEnvelope envelope)
    {
        var fallbacks = new List<(string, JsonElement)>(PageContextFields.Length + 1);
        if (fields.Category.ValueKind == JsonValueKind.String)
        {
            fallbacks.Add(("category", fields.Category));
        }

        if (type == EventType.Page)
        {
            foreach (var field in PageContextFields)
            {
                var value = SegmentContext.Find(fields.Context, envelope.Context, "page", field);
                if (value.ValueKind == JsonValueKind.String)
                {
                    fallbacks.Add((field, value));
                }
            }
        }

        return [.. fallbacks];
    }

    private static string? AccountOf(EventType type, EventProperties properties, in SegmentMessageFields fields, in SegmentEnvelope envelope)
    {
        if (IdOf(SegmentContext.Find(fields.Context, envelope.Context, "groupId")) is { } contextGroup)
        {
            return contextGroup;
        }

        if (type == EventType.Identify && properties.TryGetValue("company.id", out var companyTrait) && !companyTrait.IsNull)
        {
            return companyTrait.ToString();
        }

        return IdOf(SegmentContext.Find(fields.Context, envelope.Context, "traits", "company", "id"));
    }

    private static string? IdOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => StringCache.Current.Value(value) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : null,
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
