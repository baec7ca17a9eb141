using System.Text;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class ScoringEventCodecTests
{
    /// <summary>
    /// A version 1 payload spelled out byte by byte from the layout the codec documents, as every earlier build
    /// wrote it: logs already on disk must keep decoding to the same event, and new writes must not drift.
    /// </summary>
    private static byte[] Version1Payload()
    {
        var bytes = new List<byte> { 1, (byte)EventType.Track };
        AddString(bytes, "Report Exported");
        bytes.AddRange(BitConverter.GetBytes(new DateTime(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc).Ticks));
        bytes.AddRange(BitConverter.GetBytes((short)120));
        bytes.Add(1);
        AddString(bytes, "acme");
        bytes.Add(4);
        AddString(bytes, "format");
        bytes.Add((byte)PropertyKind.String);
        AddString(bytes, "csv");
        AddString(bytes, "rows");
        bytes.Add((byte)PropertyKind.Number);
        bytes.AddRange(BitConverter.GetBytes(1500.5));
        AddString(bytes, "scheduled");
        bytes.Add((byte)PropertyKind.Boolean);
        bytes.Add(1);
        AddString(bytes, "company.id");
        bytes.Add((byte)PropertyKind.String);
        AddString(bytes, "c-1");
        return [.. bytes];
    }

    private static ScoringEvent Expected() => new(
        "m1",
        "u1",
        EventType.Track,
        "Report Exported",
        new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(2)),
        new EventProperties(
        [
            KeyValuePair.Create("format", PropertyValue.From("csv")),
            KeyValuePair.Create("rows", PropertyValue.From(1500.5)),
            KeyValuePair.Create("scheduled", PropertyValue.From(true)),
            KeyValuePair.Create("company.id", PropertyValue.From("c-1")),
        ]),
        "acme");

    [Fact]
    public void A_version_1_payload_written_by_earlier_builds_decodes_to_the_same_event()
    {
        var decoded = ScoringEventCodec.Decode("m1", "u1", Version1Payload());
        var expected = Expected();

        Assert.Equal(expected with { Properties = decoded.Properties }, decoded);
        Assert.Equal(expected.Timestamp.Offset, decoded.Timestamp.Offset);
        Assert.Equal(expected.Properties.ToArray(), decoded.Properties.ToArray());
    }

    [Fact]
    public void Encoding_writes_the_version_1_layout_byte_for_byte()
    {
        Assert.Equal(Version1Payload(), ScoringEventCodec.Encode(Expected()));
    }

    [Fact]
    public void An_event_with_many_properties_round_trips_in_order()
    {
        var properties = new EventProperties(Enumerable.Range(0, 30).Select(i => KeyValuePair.Create("tags." + i, PropertyValue.From("t" + i))));
        var original = Expected() with { Properties = properties, GroupId = null };

        var decoded = ScoringEventCodec.Decode("m1", "u1", ScoringEventCodec.Encode(original));

        Assert.Equal(properties.ToArray(), decoded.Properties.ToArray());
        Assert.Equal("t29", decoded.Properties["tags.29"].Text);
        Assert.Null(decoded.GroupId);
    }

    private static void AddString(List<byte> bytes, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        bytes.Add(checked((byte)utf8.Length));
        bytes.AddRange(utf8);
    }
}
