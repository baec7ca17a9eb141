using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Grains.Hosting;
using PqlGrains.Silo.Api;
using PqlGrains.Silo.Gateway;

using PqlGrains.IntegrationTests.Hosting;

namespace PqlGrains.IntegrationTests.Pipeline;

/// <summary>
/// One embedded-mode process over real loopback HTTP: the Segment gateway, the ingest pipeline
/// with the in-memory log, the shipped default definition and the read API.
/// </summary>
public sealed class EmbeddedPipelineHost : IAsyncLifetime
{
    public const string WriteKey = "pipeline-write-key";
    public const string AdminToken = "pipeline-admin-token";
    public const int Partitions = 4;

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public IGrainFactory Grains => _app!.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var builder = EmbeddedHost.CreateBuilder(WriteKey, AdminToken);
        builder.Configuration["Pql:Ingest:Partitions"] = Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Pql:Users:SettleDelay"] = "00:00:00.020";
        builder.Configuration["Pql:Accounts:SettleDelay"] = "00:00:00.020";
        builder.Services.AddPqlScoreReads();
        builder.UseEmbeddedSilo();

        _app = builder.Build();
        _app.MapSegmentGateway();
        _app.MapPqlScoreReads();
        Client = await EmbeddedHost.StartAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await EmbeddedHost.StopAsync(_app, Client);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? bearer = AdminToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Waits until every partition dispatched what it logged (dispatch follows the ack).</summary>
    public async Task DispatchedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        for (var partition = 0; partition < Partitions; partition++)
        {
            while (!(await Grains.GetGrain<IIngestPartitionGrain>(partition).GetProgress()).IsCaughtUp)
            {
                Assert.True(DateTime.UtcNow < deadline, $"partition {partition} did not dispatch what it logged within 20 s");
                await Task.Delay(20);
            }
        }
    }
}
