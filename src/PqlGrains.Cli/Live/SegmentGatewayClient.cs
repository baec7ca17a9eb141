using System.Net.Http.Headers;
using System.Text;
using PqlGrains.Simulation;

namespace PqlGrains.Cli.Live;

/// <summary>Posts simulated batches to a Segment-compatible gateway's <c>/v1/batch</c> with the write key as Basic user.</summary>
internal sealed class SegmentGatewayClient : IDisposable
{
    private readonly HttpClient _http;

    public SegmentGatewayClient(Uri gateway, string writeKey)
    {
        _http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
    }

    public async Task SendAsync(IReadOnlyList<SimulatedMessage> batch, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(SegmentJson.SerializeBatch(batch, sentAt));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync("v1/batch", content, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new HttpRequestException($"Could not deliver a batch to the gateway at {_http.BaseAddress} ({error.Message}); check that the silo is running and --live points at its HTTP address.", error);
        }

        using var _ = response;
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"The gateway at {_http.BaseAddress} refused a batch of {batch.Count} events with {(int)response.StatusCode} {response.ReasonPhrase}: {body}. Check --live (the gateway's base URL) and --write-key.");
        }
    }

    public void Dispose() => _http.Dispose();
}
