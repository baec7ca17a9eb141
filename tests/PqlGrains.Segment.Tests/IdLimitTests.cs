namespace PqlGrains.Segment.Tests;

public sealed class IdLimitTests
{
    private const string Id = "{ID}";

    /// <summary>Messages carrying <see cref="Id"/> where each field that becomes a key is read.</summary>
    public static TheoryData<string, string> KeyedFields => new()
    {
        { "userId", """{"type":"track","userId":"{ID}","event":"x"}""" },
        { "anonymousId", """{"type":"track","anonymousId":"{ID}","event":"x"}""" },
        { "groupId", """{"type":"group","userId":"u","groupId":"{ID}"}""" },
        { "previousId", """{"type":"alias","userId":"u","previousId":"{ID}"}""" },
        { "messageId", """{"type":"track","messageId":"{ID}","userId":"u","event":"x"}""" },
        { "context.groupId", """{"type":"track","userId":"u","event":"x","context":{"groupId":"{ID}"}}""" },
        { "traits.company.id", """{"type":"identify","userId":"u","traits":{"company":{"id":"{ID}"}}}""" },
        { "context.traits.company.id", """{"type":"track","userId":"u","event":"x","context":{"traits":{"company":{"id":"{ID}"}}}}""" },
    };

    [Theory]
    [MemberData(nameof(KeyedFields))]
    public void Id_over_the_limit_is_rejected_naming_the_field_its_length_and_the_limit(string field, string message)
    {
        var payload = ParsedBatch.Parse($$"""{"batch":[{{message.Replace(Id, new string('i', SegmentLimits.MaxIdLength + 1), StringComparison.Ordinal)}}]}""");

        var rejection = Assert.Single(payload.Rejections);
        Assert.Contains($"'{field}' is {SegmentLimits.MaxIdLength + 1} characters", rejection.Error);
        Assert.Contains($"at most {SegmentLimits.MaxIdLength}", rejection.Error);
        Assert.Contains("send a shorter stable id", rejection.Error);
        Assert.Null(rejection.MessageId);
        Assert.Empty(payload.Events);
    }

    [Theory]
    [MemberData(nameof(KeyedFields))]
    public void Id_of_exactly_the_limit_is_accepted(string field, string message)
    {
        var id = new string('i', SegmentLimits.MaxIdLength);

        var e = ParsedBatch.Single(message.Replace(Id, id, StringComparison.Ordinal));

        var read = field switch
        {
            "userId" or "anonymousId" => e.UserId,
            "messageId" => e.MessageId,
            "previousId" => e.Properties["previousId"].Text,
            _ => e.GroupId,
        };
        Assert.Equal(id, read);
    }

    [Theory]
    [MemberData(nameof(KeyedFields))]
    public void Id_with_a_nul_character_is_rejected_because_postgresql_cannot_store_it(string field, string message)
    {
        var payload = ParsedBatch.Parse($$"""{"batch":[{{message.Replace(Id, "ab\\u0000c", StringComparison.Ordinal)}}]}""");

        var rejection = Assert.Single(payload.Rejections);
        Assert.Contains($"'{field}' has a NUL character", rejection.Error);
        Assert.Contains("at index 2", rejection.Error);
        Assert.Empty(payload.Events);
    }

    [Fact]
    public void Numeric_id_longer_than_the_limit_is_rejected()
    {
        var digits = new string('7', SegmentLimits.MaxIdLength + 5);

        var rejection = Assert.Single(ParsedBatch.Parse($$"""{"batch":[{"type":"track","userId":{{digits}},"event":"x"}]}""").Rejections);

        Assert.Contains($"'userId' is {digits.Length} characters", rejection.Error);
    }

    [Fact]
    public void Over_long_id_rejects_its_message_alone_and_the_rest_of_the_batch_is_read()
    {
        var payload = ParsedBatch.Parse($$"""
            {"batch":[
              {"type":"track","messageId":"m0","userId":"u0","event":"x"},
              {"type":"track","messageId":"m1","userId":"{{new string('u', 600)}}","event":"x"},
              {"type":"track","messageId":"m2","userId":"u2","event":"x"}
            ]}
            """);

        var rejection = Assert.Single(payload.Rejections);
        Assert.Equal(1, rejection.Index);
        Assert.Equal("m1", rejection.MessageId);
        Assert.Contains("'userId' is 600 characters", rejection.Error);
        Assert.Equal(["m0", "m2"], payload.Events.Select(e => e.MessageId));
    }
}
