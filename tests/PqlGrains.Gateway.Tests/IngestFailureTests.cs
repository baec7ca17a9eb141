using System.Net;

namespace PqlGrains.Gateway.Tests;

public sealed class IngestFailureTests
{
    [Fact]
    public async Task Failed_ingest_answers_503_telling_the_client_to_retry()
    {
        await using var host = await GatewayHost.StartAsync("test-key");
        host.Ingestor.Failure = new TimeoutException("partition grain did not answer");

        var response = await host.PostJsonAsync("/v1/batch", """{"batch":[{"type":"track","userId":"u1","event":"x"}]}""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("retry", await ResponseBody.ErrorAsync(response));
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Batch_with_only_invalid_messages_is_answered_without_calling_the_ingestor()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostJsonAsync("/v1/batch", """{"batch":[{"type":"track","event":"x"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ResponseBody.ReadAsync(response);
        Assert.Equal(0, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("rejected").GetArrayLength());
        Assert.Empty(host.Ingestor.Calls);
    }
}
