namespace PqlGrains.Segment.Tests;

public sealed class PayloadShapeTests
{
    [Theory]
    [InlineData("{\"batch\":[", SegmentPayloadError.InvalidJson)]
    [InlineData("[1,2]", SegmentPayloadError.InvalidShape)]
    [InlineData("{\"events\":[]}", SegmentPayloadError.InvalidShape)]
    [InlineData("{\"api_key\":\"phc\",\"batch\":[{\"event\":\"x\",\"distinct_id\":\"u\"}]}", SegmentPayloadError.ForeignFormat)]
    [InlineData("{\"api_key\":\"k\",\"events\":[{\"event_type\":\"x\",\"user_id\":\"u\"}]}", SegmentPayloadError.ForeignFormat)]
    public void Unreadable_bodies_throw_with_the_kind_of_problem(string json, SegmentPayloadError error)
    {
        var exception = Assert.Throws<SegmentPayloadException>(() => ParsedBatch.Parse(json));

        Assert.Equal(error, exception.Error);
        Assert.Contains(":", exception.Message);
    }

    [Fact]
    public void Body_over_the_batch_limit_is_refused_as_too_large()
    {
        var json = "{\"batch\":[],\"pad\":\"" + new string('x', SegmentLimits.MaxBatchBytes) + "\"}";

        Assert.Equal(SegmentPayloadError.TooLarge, Assert.Throws<SegmentPayloadException>(() => ParsedBatch.Parse(json)).Error);
    }

    [Fact]
    public void Write_key_is_read_from_the_body()
    {
        Assert.Equal("wk", ParsedBatch.Parse("""{"writeKey":"wk","batch":[]}""").WriteKey);
        Assert.Null(ParsedBatch.Parse("""{"batch":[]}""").WriteKey);
    }

    [Fact]
    public void Invalid_single_call_yields_one_rejection_at_index_zero()
    {
        var payload = ParsedBatch.Parse("""{"messageId":"m","event":"x"}""", SegmentEndpoint.Track);

        var rejection = Assert.Single(payload.Rejections);
        Assert.Equal(0, rejection.Index);
        Assert.Equal("m", rejection.MessageId);
        Assert.Empty(payload.Events);
    }
}
