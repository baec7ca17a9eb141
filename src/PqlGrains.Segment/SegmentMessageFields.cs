using System.Text.Json;

namespace PqlGrains.Segment;

/// <summary>The fields of one Segment message that normalisation reads, collected in one pass.</summary>
internal struct SegmentMessageFields
{
    public JsonElement Type;
    public JsonElement MessageId;
    public JsonElement UserId;
    public JsonElement AnonymousId;
    public JsonElement Event;
    public JsonElement Name;
    public JsonElement Category;
    public JsonElement Properties;
    public JsonElement Traits;
    public JsonElement Context;
    public JsonElement Timestamp;
    public JsonElement OriginalTimestamp;
    public JsonElement SentAt;
    public JsonElement ReceivedAt;
    public JsonElement GroupId;
    public JsonElement PreviousId;

    public static SegmentMessageFields Collect(JsonElement message)
    {
        var fields = default(SegmentMessageFields);
        foreach (var property in message.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (property.NameEquals("type"u8)) fields.Type = value;
            else if (property.NameEquals("messageId"u8)) fields.MessageId = value;
            else if (property.NameEquals("userId"u8)) fields.UserId = value;
            else if (property.NameEquals("anonymousId"u8)) fields.AnonymousId = value;
            else if (property.NameEquals("event"u8)) fields.Event = value;
            else if (property.NameEquals("name"u8)) fields.Name = value;
            else if (property.NameEquals("category"u8)) fields.Category = value;
            else if (property.NameEquals("properties"u8)) fields.Properties = value;
            else if (property.NameEquals("traits"u8)) fields.Traits = value;
            else if (property.NameEquals("context"u8)) fields.Context = value;
            else if (property.NameEquals("timestamp"u8)) fields.Timestamp = value;
            else if (property.NameEquals("originalTimestamp"u8)) fields.OriginalTimestamp = value;
            else if (property.NameEquals("sentAt"u8)) fields.SentAt = value;
            else if (property.NameEquals("receivedAt"u8)) fields.ReceivedAt = value;
            else if (property.NameEquals("groupId"u8)) fields.GroupId = value;
            else if (property.NameEquals("previousId"u8)) fields.PreviousId = value;
        }

        return fields;
    }
}
