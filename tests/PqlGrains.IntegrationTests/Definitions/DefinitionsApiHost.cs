using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PqlGrains.Grains.Hosting;
using PqlGrains.Grains.Ingest;
using PqlGrains.Silo.Api;
using PqlGrains.Silo.Gateway;
using PqlGrains.Testing;
using PqlGrains.Testing.Orleans;

using PqlGrains.IntegrationTests.Hosting;

namespace PqlGrains.IntegrationTests.Definitions;

/// <summary>An embedded-mode process over loopback HTTP: gateway, ingest, the definition registry and its API, the read API.</summary>
public sealed class DefinitionsApiHost : IAsyncLifetime
{
    public const string WriteKey = "definitions-write-key";
    public const string AdminToken = "definitions-admin-token";

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = EmbeddedHost.CreateBuilder(WriteKey, AdminToken);
        builder.Services.AddPqlScoreReads();
        builder.Services.AddPqlDefinitionsApi();
        builder.UseEmbeddedSilo(silo => silo.AddPqlDefinitions());

        _app = builder.Build();
        _app.MapSegmentGateway();
        _app.MapPqlScoreReads();
        _app.MapPqlDefinitions();
        Client = await EmbeddedHost.StartAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await EmbeddedHost.StopAsync(_app, Client);
    }

    /// <summary>An admin request; <paramref name="actor"/> goes in <c>X-Pql-Actor</c>.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? yaml = null, string? actor = null, string? bearer = AdminToken)
    {
        var request = new HttpRequestMessage(method, path);
        if (yaml is not null)
        {
            request.Content = new StringContent(yaml, Encoding.UTF8, "application/yaml");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (actor is not null)
        {
            request.Headers.Add("X-Pql-Actor", actor);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> TrackAsync(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/batch") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
        return Client.SendAsync(request);
    }

    /// <summary>Waits until every partition dispatched what it logged.</summary>
    public Task DispatchedAsync() => IngestDispatch.WaitAsync(
        _app!.Services.GetRequiredService<IGrainFactory>(),
        _app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.Partitions);
}
