using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Silo.Gateway;

namespace PqlGrains.Gateway.Tests;

/// <summary>
/// A real Kestrel host on 127.0.0.1 (ephemeral port) that maps only the tracking API, the way
/// the silo host does, in front of a <see cref="RecordingIngestor"/>.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, RecordingIngestor ingestor, HttpClient client)
    {
        _app = app;
        Ingestor = ingestor;
        Client = client;
    }

    public RecordingIngestor Ingestor { get; }

    public HttpClient Client { get; }

    /// <param name="writeKeys">Configured keys; none means the embedded default applies.</param>
    public static async Task<GatewayHost> StartAsync(params string[] writeKeys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        for (var i = 0; i < writeKeys.Length; i++)
        {
            builder.Configuration[$"Pql:Gateway:WriteKeys:{i}"] = writeKeys[i];
        }

        var ingestor = new RecordingIngestor();
        builder.Services.AddSingleton<IEventIngestor>(ingestor);
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(ReceivedAt));
        builder.Services.AddSegmentGateway(builder.Configuration);

        var app = builder.Build();
        app.MapSegmentGateway();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new GatewayHost(app, ingestor, new HttpClient { BaseAddress = new Uri(address) });
    }

    public static AuthenticationHeaderValue Basic(string writeKey) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, string? writeKey = "test-key")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (writeKey is not null)
        {
            request.Headers.Authorization = Basic(writeKey);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Posts <paramref name="body"/> labelled with <paramref name="contentEncoding"/>, as compressing SDKs do.</summary>
    public Task<HttpResponseMessage> PostEncodedAsync(string path, byte[] body, string contentEncoding)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentEncoding.Add(contentEncoding);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = Basic("test-key");
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
