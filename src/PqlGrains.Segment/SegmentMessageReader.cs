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
    /// <summary>context.page fields a page call's properties fall back to: the property key and its UTF-8 name.</summary>
    private static readonly (string Key, byte[] Name)[] PageContextFields =
        [("path", "path"u8.ToArray()), ("url", "url"u8.ToArray()), ("title", "title"u8.ToArray()), ("referrer", "referrer"u8.ToArray()), ("search", "search"u8.ToArray())];

    public static ScoringEvent? Read(JsonElement message, SegmentEndpoint endpoint, in SegmentEnvelope envelope, out string? messageId, out string? error)
    {
        messageId = null;
        if (message.ValueKind != JsonValueKind.Object)
        {
            error = $"the message is {SegmentTimestamps.Describe(message)}, not a JSON object: send objects such as {{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Report Exported\"}}.";
            return null;
        }

        var raw = JsonMarshal.GetRawUtf8Value(message);
        var strings = StringCache.Current;
        var fields = SegmentMessageFields.Collect(message);
        if (fields.MessageId.ValueKind == JsonValueKind.String && fields.MessageId.GetString() is { Length: > 0 } id)
        {
            if (SegmentLimits.IdError("messageId", id) is { } idError)
            {
                error = idError;
                return null;
            }

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
            || !TryReadId(strings, fields.UserId, "userId", out var userId, out error)
            || !TryReadId(strings, fields.AnonymousId, "anonymousId", out var anonymousId, out error)
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
                if (fields.Event.ValueKind != JsonValueKind.String || strings.Value(fields.Event) is not { Length: > 0 } eventName)
                {
                    error = $"a track call needs 'event', the action's name as a non-empty string (got {SegmentTimestamps.Describe(fields.Event)}): e.g. \"event\":\"Report Exported\".";
                    return null;
                }

                name = eventName;
                properties = PropertyFlattener.Flatten(strings, fields.Properties);
                break;
            case EventType.Page or EventType.Screen:
                if (!TryReadOptionalString(strings, fields.Name, "name", out var pageName, out error))
                {
                    return null;
                }

                name = pageName ?? string.Empty;
                var fallbacks = new PageFallbacks();
                Span<(string Key, JsonElement Value)> fallbackValues = fallbacks;
                properties = PropertyFlattener.Flatten(strings, fields.Properties, fallbackValues[..CollectPageFallbacks(type, in fields, in envelope, fallbackValues)]);
                break;
            case EventType.Identify:
                name = string.Empty;
                properties = PropertyFlattener.Flatten(strings, fields.Traits.ValueKind == JsonValueKind.Object
                    ? fields.Traits
                    : SegmentContext.Find(fields.Context, envelope.Context, "traits"u8));
                break;
            case EventType.Group:
                if (!TryReadId(strings, fields.GroupId, "groupId", out groupId, out error))
                {
                    return null;
                }

                if (groupId is null)
                {
                    error = "a group call needs 'groupId', the account's id: e.g. \"groupId\":\"acme-inc\".";
                    return null;
                }

                name = string.Empty;
                properties = PropertyFlattener.Flatten(strings, fields.Traits);
                break;
            default:
                if (!TryReadId(strings, fields.PreviousId, "previousId", out var previousId, out error))
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

        if (groupId is null && !TryReadAccount(strings, type, properties, in fields, in envelope, out groupId, out error))
        {
            return null;
        }

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
            // The exact spelling straight from the body's bytes; escapes and other casing take the slow path below.
            if (ExactType(JsonMarshal.GetRawUtf8Value(value)[1..^1]) is { } exact)
            {
                type = exact;
                return true;
            }

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

    private static EventType? ExactType(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when name.SequenceEqual("page"u8) => EventType.Page,
        5 when name.SequenceEqual("track"u8) => EventType.Track,
        5 when name.SequenceEqual("group"u8) => EventType.Group,
        5 when name.SequenceEqual("alias"u8) => EventType.Alias,
        6 when name.SequenceEqual("screen"u8) => EventType.Screen,
        8 when name.SequenceEqual("identify"u8) => EventType.Identify,
        _ => null,
    };

    /// <summary>Ids are strings; numbers are accepted as their digits because several SDKs pass numeric ids through.</summary>
    private static bool TryReadId(StringCache strings, JsonElement value, string field, out string? id, out string? error)
    {
        error = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
                id = null;
                return true;
            case JsonValueKind.String:
                var text = strings.Value(value);
                id = string.IsNullOrWhiteSpace(text) ? null : text;
                return id is null || IsKey(field, id, out error);
            case JsonValueKind.Number:
                id = value.GetRawText();
                return IsKey(field, id, out error);
            default:
                id = null;
                error = $"'{field}' must be a string (got {SegmentTimestamps.Describe(value)}): send the id as a string.";
                return false;
        }
    }

    private static bool TryReadOptionalString(StringCache strings, JsonElement value, string field, out string? text, out string? error)
    {
        error = null;
        text = null;
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            text = strings.Value(value);
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

    private static int CollectPageFallbacks(EventType type, in SegmentMessageFields fields, in SegmentEnvelope envelope, Span<(string Key, JsonElement Value)> fallbacks)
    {
        var count = 0;
        if (fields.Category.ValueKind == JsonValueKind.String)
        {
            fallbacks[count++] = ("category", fields.Category);
        }

        if (type == EventType.Page)
        {
            // context.page found once per context rather than once per field; the message's still wins field by field.
            var messagePage = SegmentContext.Walk(fields.Context, "page"u8, default, default);
            var batchPage = SegmentContext.Walk(envelope.Context, "page"u8, default, default);
            foreach (var (key, name) in PageContextFields)
            {
                var value = SegmentContext.Find(messagePage, batchPage, name);
                if (value.ValueKind == JsonValueKind.String)
                {
                    fallbacks[count++] = (key, value);
                }
            }
        }

        return count;
    }

    /// <summary>The account from context or traits; an id found there that cannot be a key rejects the message, as a groupId would.</summary>
    private static bool TryReadAccount(StringCache strings, EventType type, EventProperties properties, in SegmentMessageFields fields, in SegmentEnvelope envelope, out string? account, out string? error)
    {
        error = null;
        if (IdOf(strings, SegmentContext.Find(fields.Context, envelope.Context, "groupId"u8)) is { } contextGroup)
        {
            account = contextGroup;
            return IsKey("context.groupId", account, out error);
        }

        if (type == EventType.Identify && properties.TryGetValue("company.id", out var companyTrait) && !companyTrait.IsNull)
        {
            account = companyTrait.ToString();
            return IsKey("traits.company.id", account, out error);
        }

        account = IdOf(strings, SegmentContext.Find(fields.Context, envelope.Context, "traits"u8, "company"u8, "id"u8));
        return account is null || IsKey("context.traits.company.id", account, out error);
    }

    private static bool IsKey(string field, string id, out string? error)
    {
        error = SegmentLimits.IdError(field, id);
        return error is null;
    }

    private static string? IdOf(StringCache strings, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => strings.Value(value) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : null,
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
