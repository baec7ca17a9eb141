using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PqlGrains.Cli.Load;

/// <summary>
/// Writes realistic Segment batches: a product's mix of track calls (feature use, invites,
/// exports), page views and occasional identify calls, spread over a fixed user base with ten
/// users per account (context.groupId). The event names are those of the shipped default
/// definition, so a load run measures ingest together with the scoring it triggers. One writer
/// per sending loop; not thread-safe. Ids and the timestamp are formatted straight into UTF-8
/// (no string per event): the generator shares the cores with the silo it measures.
/// </summary>
internal sealed class SegmentBatchWriter
{
    private static readonly string[] Features = ["reports", "dashboards", "alerts", "exports", "api", "sso"];
    private static readonly string[] Plans = ["free", "trial", "pro"];
    private static readonly string[] Paths = ["/pricing", "/docs", "/settings/billing", "/integrations", "/dashboard"];

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;
    private readonly Random _random;
    private readonly byte[] _messageIdPrefix;
    private readonly int _users;
    private readonly byte[] _timestamp = new byte[40];
    private int _timestampLength;
    private long _sequence;

    public SegmentBatchWriter(string runId, int users, int seed)
    {
        _json = new Utf8JsonWriter(_buffer);
        _random = new Random(seed);
        _messageIdPrefix = Encoding.UTF8.GetBytes($"load-{runId}-");
        _users = users;
    }

    /// <summary>A batch of <paramref name="size"/> events stamped <paramref name="now"/>; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Write(int size, DateTimeOffset now)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        // UTC with a 'Z': the JSON writer would escape the '+' of an offset.
        now.UtcDateTime.TryFormat(_timestamp, out _timestampLength, "O", CultureInfo.InvariantCulture);
        _json.WriteStartObject();
        _json.WriteString("sentAt"u8, now);
        _json.WriteStartArray("batch"u8);
        for (var i = 0; i < size; i++)
        {
            WriteMessage();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenMemory;
    }

    private void WriteMessage()
    {
        var user = _random.Next(_users);
        var roll = _random.Next(100);
        _json.WriteStartObject();
        WriteNumbered("messageId"u8, _messageIdPrefix, _sequence++);
        WriteNumbered("userId"u8, "load-user-"u8, user);
        _json.WriteString("timestamp"u8, _timestamp.AsSpan(0, _timestampLength));
        _json.WriteStartObject("context"u8);
        WriteNumbered("groupId"u8, "load-account-"u8, user / 10);
        _json.WriteEndObject();
        if (roll < 5)
        {
            _json.WriteString("type"u8, "identify"u8);
            _json.WriteStartObject("traits"u8);
            _json.WriteString("email"u8, $"user{user}@example.com");
            _json.WriteString("plan"u8, Plans[user % Plans.Length]);
            _json.WriteEndObject();
        }
        else if (roll < 30)
        {
            _json.WriteString("type"u8, "page"u8);
            _json.WriteString("name"u8, "Docs"u8);
            _json.WriteStartObject("properties"u8);
            _json.WriteString("path"u8, Paths[_random.Next(Paths.Length)]);
            _json.WriteEndObject();
        }
        else
        {
            _json.WriteString("type"u8, "track"u8);
            _json.WriteString("event"u8, roll < 80 ? "feature.activated"u8 : roll < 90 ? "team.member_invited"u8 : "report.exported"u8);
            _json.WriteStartObject("properties"u8);
            _json.WriteString("feature"u8, Features[_random.Next(Features.Length)]);
            _json.WriteNumber("seats"u8, 1 + (user % 25));
            _json.WriteEndObject();
        }

        _json.WriteEndObject();
    }

    /// <summary>Writes <paramref name="prefix"/> followed by <paramref name="number"/>'s digits as a string value.</summary>
    private void WriteNumbered(ReadOnlySpan<byte> property, ReadOnlySpan<byte> prefix, long number)
    {
        Span<byte> value = stackalloc byte[64];
        prefix.CopyTo(value);
        number.TryFormat(value[prefix.Length..], out var digits, provider: CultureInfo.InvariantCulture);
        _json.WriteString(property, value[..(prefix.Length + digits)]);
    }
}
