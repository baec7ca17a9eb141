using System.Globalization;
using System.Text.Json;

namespace PqlGrains.Simulation;

/// <summary>Writes simulated messages in Segment's HTTP tracking API format.</summary>
public static class SegmentJson
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static void WriteMessage(Utf8JsonWriter writer, SimulatedMessage message)
    {
        writer.WriteStartObject();
        writer.WriteString("type", message.Type switch
        {
            SegmentCall.Track => "track",
            SegmentCall.Page => "page",
            SegmentCall.Identify => "identify",
            _ => "group",
        });
        writer.WriteString("messageId", message.MessageId);
        writer.WriteString("userId", message.UserId);
        if (message.AnonymousId is not null)
        {
            writer.WriteString("anonymousId", message.AnonymousId);
        }

        if (message.Type == SegmentCall.Track)
        {
            writer.WriteString("event", message.Name);
        }
        else if (message.Type == SegmentCall.Page && message.Name is not null)
        {
            writer.WriteString("name", message.Name);
        }

        if (message.Type == SegmentCall.Group)
        {
            writer.WriteString("groupId", message.GroupId);
        }

        writer.WriteString("timestamp", message.Timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture));
        writer.WritePropertyName(message.Type is SegmentCall.Identify or SegmentCall.Group ? "traits" : "properties");
        WriteValues(writer, message.Properties);
        if (message.Type != SegmentCall.Group && message.GroupId is not null)
        {
            writer.WriteStartObject("context");
            writer.WriteString("groupId", message.GroupId);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>A <c>/v1/batch</c> body: <c>{"batch":[...],"sentAt":...}</c>.</summary>
    public static byte[] SerializeBatch(IReadOnlyList<SimulatedMessage> messages, DateTimeOffset sentAt)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 * Math.Max(1, messages.Count));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("batch");
            foreach (var message in messages)
            {
                WriteMessage(writer, message);
            }

            writer.WriteEndArray();
            writer.WriteString("sentAt", sentAt.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValues(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, object>> values)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in values)
        {
            switch (value)
            {
                case string text:
                    writer.WriteString(key, text);
                    break;
                case bool flag:
                    writer.WriteBoolean(key, flag);
                    break;
                case int whole:
                    writer.WriteNumber(key, whole);
                    break;
                case double number:
                    writer.WriteNumber(key, number);
                    break;
                default:
                    throw new InvalidOperationException($"Simulated property '{key}' has unsupported type {value.GetType().Name}.");
            }
        }

        writer.WriteEndObject();
    }
}
