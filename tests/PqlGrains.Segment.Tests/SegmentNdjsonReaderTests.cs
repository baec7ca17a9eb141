using System.Text;

namespace PqlGrains.Segment.Tests;

public sealed class SegmentNdjsonReaderTests
{
    private static async Task<List<SegmentFileRecord>> ReadAsync(string text, int? chunk = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Stream stream = chunk is null ? new MemoryStream(bytes) : new TrickleStream(bytes, chunk.Value);
        var records = new List<SegmentFileRecord>();
        await foreach (var record in SegmentNdjsonReader.ReadAsync(stream))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public async Task Each_line_is_one_message_and_blank_lines_are_skipped()
    {
        var records = await ReadAsync("""
            {"type":"track","userId":"u1","event":"A","timestamp":"2026-11-01T00:00:00Z"}

            {"type":"identify","userId":"u2","traits":{"plan":"pro"},"timestamp":"2026-11-02T00:00:00Z"}
            """.Replace("\n", "\r\n"));

        Assert.Equal([1, 3], records.Select(r => r.Line));
        Assert.All(records, r => Assert.Null(r.Rejection));
        Assert.Equal("A", records[0].Event!.Name);
        Assert.Equal("pro", records[1].Event!.Properties["plan"].Text);
    }

    [Fact]
    public async Task Bad_lines_are_reported_by_line_number_and_the_rest_is_read()
    {
        var records = await ReadAsync("""
            {"type":"track","userId":"u1","event":"A","timestamp":"2026-11-01T00:00:00Z"}
            {not json
            {"type":"track","userId":"u1","event":"B"}
            {"type":"track","userId":"u1","event":"C","originalTimestamp":"2026-11-01T00:00:00Z"}
            """);

        Assert.Equal(["A", null, null, "C"], records.Select(r => r.Event?.Name));
        Assert.StartsWith("line 2:", records[1].Rejection!.Error);
        Assert.Equal(3, records[2].Rejection!.Index);
        Assert.Contains("no 'timestamp'", records[2].Rejection!.Error);
    }

    [Fact]
    public async Task Recorded_receivedAt_corrects_originalTimestamp_for_clock_skew()
    {
        var records = await ReadAsync("""{"type":"track","userId":"u","event":"A","originalTimestamp":"2026-11-01T00:00:00Z","sentAt":"2026-11-01T00:00:10Z","receivedAt":"2026-11-01T01:00:10Z"}""");

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.Zero), records.Single().Event!.Timestamp);
    }

    [Fact]
    public async Task A_batch_object_on_a_line_yields_each_of_its_messages()
    {
        var records = await ReadAsync("""{"context":{"groupId":"acme"},"batch":[{"type":"track","userId":"u","event":"A","timestamp":"2026-11-01T00:00:00Z"},{"type":"track","userId":"u","event":"B","timestamp":"2026-11-01T00:00:01Z"}]}""");

        Assert.Equal(["A", "B"], records.Select(r => r.Event!.Name));
        Assert.All(records, r => Assert.Equal("acme", r.Event!.GroupId));
    }

    [Fact]
    public async Task Lines_split_across_reads_and_longer_than_the_buffer_are_read_whole()
    {
        var padding = new string('p', 100_000);
        var text = $$$"""
            {"type":"track","userId":"u","event":"A","timestamp":"2026-11-01T00:00:00Z","properties":{"p":"{{{padding}}}"}}
            {"type":"track","userId":"u","event":"B","timestamp":"2026-11-01T00:00:00Z"}
            """;

        var records = await ReadAsync(text, chunk: 7);

        Assert.Equal(2, records.Count);
        Assert.Contains("32 KB", records[0].Rejection!.Error);
        Assert.Equal("B", records[1].Event!.Name);
    }

    /// <summary>Hands out a few bytes per read, as a slow pipe or network file would.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
