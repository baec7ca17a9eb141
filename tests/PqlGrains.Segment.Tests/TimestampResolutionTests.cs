namespace PqlGrains.Segment.Tests;

public sealed class TimestampResolutionTests
{
    [Fact]
    public void Explicit_timestamp_wins_over_originalTimestamp_and_receipt()
    {
        var e = ParsedBatch.Single("""{"type":"track","userId":"u","event":"x","timestamp":"2026-11-20T10:00:00Z","originalTimestamp":"2026-11-19T10:00:00Z","sentAt":"2026-11-22T17:00:00Z"}""");

        Assert.Equal(DateTimeOffset.Parse("2026-11-20T10:00:00Z"), e.Timestamp);
    }

    [Fact]
    public void OriginalTimestamp_is_moved_by_the_client_clock_skew_between_batch_sentAt_and_receipt()
    {
        // The client clock runs 1 hour behind: it sent at 17:00 by its clock, we received at 18:00.
        var payload = ParsedBatch.Parse("""{"sentAt":"2026-11-22T17:00:00Z","batch":[{"type":"track","userId":"u","event":"x","originalTimestamp":"2026-11-22T16:59:30Z"}]}""");

        Assert.Equal(ParsedBatch.ReceivedAt.AddSeconds(-30), Assert.Single(payload.Events).Timestamp);
    }

    [Fact]
    public void Message_sentAt_overrides_the_batch_sentAt_for_skew_correction()
    {
        var payload = ParsedBatch.Parse("""{"sentAt":"2026-11-22T10:00:00Z","batch":[{"type":"track","userId":"u","event":"x","originalTimestamp":"2026-11-22T17:59:00Z","sentAt":"2026-11-22T18:00:00Z"}]}""");

        Assert.Equal(ParsedBatch.ReceivedAt.AddMinutes(-1), Assert.Single(payload.Events).Timestamp);
    }

    [Fact]
    public void OriginalTimestamp_without_any_sentAt_is_taken_as_is()
    {
        var e = ParsedBatch.Single("""{"type":"track","userId":"u","event":"x","originalTimestamp":"2026-11-22T12:00:00+02:00"}""");

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), e.Timestamp);
    }

    [Fact]
    public void Message_without_times_happened_at_receipt()
    {
        Assert.Equal(ParsedBatch.ReceivedAt, ParsedBatch.Single("""{"type":"track","userId":"u","event":"x"}""").Timestamp);
    }

    [Fact]
    public void Timestamp_without_offset_is_read_as_UTC()
    {
        var e = ParsedBatch.Single("""{"type":"track","userId":"u","event":"x","timestamp":"2026-11-20T10:00:00.5"}""");

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, 500, TimeSpan.Zero), e.Timestamp);
        Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset);
    }

    [Theory]
    [InlineData("\"timestamp\":\"last tuesday\"", "'timestamp'")]
    [InlineData("\"timestamp\":1700000000", "'timestamp'")]
    [InlineData("\"originalTimestamp\":\"2026-13-40T00:00:00Z\"", "'originalTimestamp'")]
    [InlineData("\"originalTimestamp\":\"2026-11-22T00:00:00Z\",\"sentAt\":true", "'sentAt'")]
    public void Unreadable_times_reject_the_message_naming_the_field(string field, string named)
    {
        var payload = ParsedBatch.Parse($$"""{"batch":[{"type":"track","userId":"u","event":"x",{{field}}}]}""");

        var rejection = Assert.Single(payload.Rejections);
        Assert.Contains(named, rejection.Error);
        Assert.Contains("ISO-8601", rejection.Error);
        Assert.Empty(payload.Events);
    }

    [Fact]
    public void Bad_batch_sentAt_rejects_only_the_messages_that_need_it()
    {
        var payload = ParsedBatch.Parse("""
            {"sentAt":"soon","batch":[
              {"type":"track","userId":"u","event":"x","timestamp":"2026-11-22T10:00:00Z"},
              {"type":"track","userId":"u","event":"y","originalTimestamp":"2026-11-22T10:00:00Z"}
            ]}
            """);

        Assert.Equal("x", Assert.Single(payload.Events).Name);
        var rejection = Assert.Single(payload.Rejections);
        Assert.Equal(1, rejection.Index);
        Assert.Contains("sentAt", rejection.Error);
    }
}
