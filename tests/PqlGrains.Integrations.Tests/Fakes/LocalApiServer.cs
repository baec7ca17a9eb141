using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PqlGrains.Integrations.Tests.Fakes;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) standing in for HubSpot, Salesforce, Slack or a
/// webhook receiver: it records every request and answers with <see cref="Respond"/>.
/// </summary>
public sealed class LocalApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LocalApiServer(WebApplication app, Func<RecordedRequest, ApiResponse> respond)
    {
        _app = app;
        Respond = respond;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public Func<RecordedRequest, ApiResponse> Respond { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static async Task<LocalApiServer> StartAsync(Func<RecordedRequest, ApiResponse> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LocalApiServer(app, respond);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            await reader.ReadToEndAsync());
        _requests.Enqueue(recorded);

        var response = Respond(recorded);
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Status != StatusCodes.Status204NoContent)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body);
        }
    }
}
