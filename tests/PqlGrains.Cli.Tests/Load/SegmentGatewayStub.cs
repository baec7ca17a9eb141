using System.Collections.Concurrent;
using System.Net;
using System.Text;
using PqlGrains.Segment;

namespace PqlGrains.Cli.Tests.Load;

/// <summary>
/// Answers like the gateway does (the same Segment parser decides what is accepted), without
/// sockets; or fails every request with a fixed status.
/// </summary>
/// <param name="onRequest">Called with each request's number (from 1) as it arrives, before it is answered.</param>
internal sealed class SegmentGatewayStub(HttpStatusCode? failWith = null, Action<int>? onRequest = null) : HttpMessageHandler
{
    private int _requests;

    public int Requests => _requests;

    /// <summary>The messageId of every event the stub parsed, repeats included.</summary>
    public ConcurrentQueue<string> MessageIds { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _requests);
        onRequest?.Invoke(number);
        if (failWith is { } status)
        {
            return new HttpResponseMessage(status) { Content = new StringContent("""{"success":false,"error":"cluster unavailable: retry"}""") };
        }

        Assert.Equal("/v1/batch", request.RequestUri!.AbsolutePath);
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var payload = SegmentPayloadParser.Parse(body, SegmentEndpoint.Batch, DateTimeOffset.UtcNow);
        foreach (var scoringEvent in payload.Events)
        {
            MessageIds.Enqueue(scoringEvent.MessageId);
        }

        var answer = $$"""{"success":true,"accepted":{{payload.Events.Count}},"rejected":[{{string.Join(",", payload.Rejections.Select(r => $"{{\"index\":{r.Index}}}"))}}]}""";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}
