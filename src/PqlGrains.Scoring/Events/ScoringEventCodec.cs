using System.Buffers;
using System.Text;

namespace PqlGrains.Scoring.Events;

/// <summary>
/// The event log's payload format: everything of a <see cref="ScoringEvent"/> except the
/// messageId and userId, which the logs keep apart (PostgreSQL in columns, the in-memory log per
/// user). Compact, versioned binary so backtests, calibration and erasure tools can read the log
/// without Orleans.
/// Layout v1: version byte, type byte, name, UTC ticks (int64), offset minutes (int16),
/// group id (flag + string), property count (7-bit int), then per property: key, kind byte and
/// a string, a float64 or a boolean. Strings are 7-bit length-prefixed UTF-8.
/// </summary>
public static class ScoringEventCodec
{
    private const byte Version1 = 1;

    public static byte[] Encode(ScoringEvent scoringEvent)
    {
        using var buffer = new MemoryStream(64 + (scoringEvent.Properties.Count * 24));
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            Write(writer, scoringEvent);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the payload of <paramref name="scoringEvent"/> at the writer's position.</summary>
    public static void Write(BinaryWriter writer, ScoringEvent scoringEvent)
    {
        writer.Write(Version1);
        writer.Write((byte)scoringEvent.Type);
        writer.Write(scoringEvent.Name);
        writer.Write(scoringEvent.Timestamp.UtcTicks);
        writer.Write((short)scoringEvent.Timestamp.Offset.TotalMinutes);
        writer.Write(scoringEvent.GroupId is not null);
        if (scoringEvent.GroupId is { } groupId)
        {
            writer.Write(groupId);
        }

        writer.Write7BitEncodedInt(scoringEvent.Properties.Count);
        foreach (var (key, value) in scoringEvent.Properties)
        {
            writer.Write(key);
            writer.Write((byte)value.Kind);
            switch (value.Kind)
            {
                case PropertyKind.String:
                    writer.Write(value.Text!);
                    break;
                case PropertyKind.Number:
                    writer.Write(value.Number);
                    break;
                case PropertyKind.Boolean:
                    writer.Write(value.AsBoolean);
                    break;
            }
        }
    }

    /// <exception cref="InvalidDataException">The payload is not a version this build reads.</exception>
    public static ScoringEvent Decode(string messageId, string userId, byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        return Read(reader, messageId, userId);
    }

    /// <summary>Reads one payload at the reader's position and leaves the reader just after it.</summary>
    /// <exception cref="InvalidDataException">The payload is not a version this build reads.</exception>
    public static ScoringEvent Read(BinaryReader reader, string messageId, string userId)
    {
        var version = reader.ReadByte();
        if (version != Version1)
        {
            throw new InvalidDataException($"Event log payload of message {messageId} has format version {version}; this build reads version {Version1}. Upgrade the silo or CLI reading the log.");
        }

        var type = (EventType)reader.ReadByte();
        var name = reader.ReadString();
        var ticks = reader.ReadInt64();
        var offset = TimeSpan.FromMinutes(reader.ReadInt16());
        var groupId = reader.ReadBoolean() ? reader.ReadString() : null;
        var count = reader.Read7BitEncodedInt();
        var properties = count == 0 ? EventProperties.Empty : ReadProperties(reader, count);
        var timestamp = new DateTimeOffset(ticks + offset.Ticks, offset);
        return new ScoringEvent(messageId, userId, type, name, timestamp, properties, groupId);
    }

    private static EventProperties ReadProperties(BinaryReader reader, int count)
    {
        // Read into a pooled array: EventProperties copies the pairs into one array of its own.
        var pairs = ArrayPool<KeyValuePair<string, PropertyValue>>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var value = (PropertyKind)reader.ReadByte() switch
                {
                    PropertyKind.String => PropertyValue.From(reader.ReadString()),
                    PropertyKind.Number => PropertyValue.From(reader.ReadDouble()),
                    PropertyKind.Boolean => PropertyValue.From(reader.ReadBoolean()),
                    _ => PropertyValue.Null,
                };
                pairs[i] = new(key, value);
            }

            return new EventProperties(pairs.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<KeyValuePair<string, PropertyValue>>.Shared.Return(pairs, clearArray: true);
        }
    }
}
