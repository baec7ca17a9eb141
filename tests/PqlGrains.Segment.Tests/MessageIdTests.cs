namespace PqlGrains.Segment.Tests;

public sealed class MessageIdTests
{
    [Fact]
    public void Given_messageId_is_kept()
    {
        Assert.Equal("m-1", ParsedBatch.Single("""{"type":"track","messageId":"m-1","userId":"u","event":"x"}""").MessageId);
    }

    [Fact]
    public void Missing_messageId_is_derived_from_the_message_so_a_retry_gets_the_same_id()
    {
        const string message = """{"type":"track","userId":"u","event":"x","timestamp":"2026-11-22T10:00:00Z"}""";

        var first = ParsedBatch.Single(message).MessageId;
        var retry = ParsedBatch.Single(message).MessageId;
        var other = ParsedBatch.Single("""{"type":"track","userId":"u","event":"x","timestamp":"2026-11-22T10:00:01Z"}""").MessageId;

        Assert.StartsWith("pql-", first);
        Assert.Equal(first, retry);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Non_string_messageId_is_rejected()
    {
        Assert.Contains("'messageId' must be a string", Assert.Single(ParsedBatch.Parse("""{"batch":[{"type":"track","messageId":7,"userId":"u","event":"x"}]}""").Rejections).Error);
    }
}
