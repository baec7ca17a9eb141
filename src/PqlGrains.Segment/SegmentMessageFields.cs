using System.Runtime.InteropServices;
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
            if (value.ValueKind != JsonValueKind.Null)
            {
                fields.Assign(JsonMarshal.GetRawUtf8PropertyName(property), value);
            }
        }

        return fields;
    }

    /// <summary>
    /// Matches the raw (still escaped) name by length first: this runs for every field of every
    /// message, and a chain of name comparisons cost more than the JSON parse itself. A name
    /// spelled with JSON escapes is not recognised, as no SDK escapes plain ASCII names.
    /// </summary>
    private void Assign(ReadOnlySpan<byte> name, JsonElement value)
    {
        switch (name.Length)
        {
            case 4 when name.SequenceEqual("type"u8): Type = value; break;
            case 4 when name.SequenceEqual("name"u8): Name = value; break;
            case 5 when name.SequenceEqual("event"u8): Event = value; break;
            case 6 when name.SequenceEqual("userId"u8): UserId = value; break;
            case 6 when name.SequenceEqual("traits"u8): Traits = value; break;
            case 6 when name.SequenceEqual("sentAt"u8): SentAt = value; break;
            case 7 when name.SequenceEqual("context"u8): Context = value; break;
            case 7 when name.SequenceEqual("groupId"u8): GroupId = value; break;
            case 8 when name.SequenceEqual("category"u8): Category = value; break;
            case 9 when name.SequenceEqual("messageId"u8): MessageId = value; break;
            case 9 when name.SequenceEqual("timestamp"u8): Timestamp = value; break;
            case 10 when name.SequenceEqual("properties"u8): Properties = value; break;
            case 10 when name.SequenceEqual("receivedAt"u8): ReceivedAt = value; break;
            case 10 when name.SequenceEqual("previousId"u8): PreviousId = value; break;
            case 11 when name.SequenceEqual("anonymousId"u8): AnonymousId = value; break;
            case 17 when name.SequenceEqual("originalTimestamp"u8): OriginalTimestamp = value; break;
        }
    }
}
