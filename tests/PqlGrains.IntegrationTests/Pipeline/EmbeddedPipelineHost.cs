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
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Grains.Hosting;
using PqlGrains.Grains.Scoring;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Silo.Api;
using PqlGrains.Silo.Gateway;

using PqlGrains.IntegrationTests.Hosting;

namespace PqlGrains.IntegrationTests.Pipeline;

/// <summary>
/// One embedded-mode process over real loopback HTTP: the Segment gateway, the ingest pipeline
/// with the in-memory log, the shipped default definition (or one a test gives) and the read API.
/// Its wall clock follows the system until a test sets <see cref="Clock"/>.
/// </summary>
public sealed class EmbeddedPipelineHost : IAsyncLifetime, IAsyncDisposable
{
    public const string WriteKey = "pipeline-write-key";
    public const string AdminToken = "pipeline-admin-token";
    public const int Partitions = 4;

    private readonly PqlDefinition _definition;
    private readonly string _writeKey;
    private WebApplication? _app;

    public EmbeddedPipelineHost()
        : this(PqlDefinition.Default, WriteKey)
    {
    }

    private EmbeddedPipelineHost(PqlDefinition definition, string writeKey)
    {
        _definition = definition;
        _writeKey = writeKey;
    }

    internal SettableClock Clock { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public IGrainFactory Grains => _app!.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A host scoring under <paramref name="definition"/> and accepting <paramref name="writeKey"/>, for one test; dispose it at the end.</summary>
    public static async Task<EmbeddedPipelineHost> StartAsync(PqlDefinition definition, string writeKey = WriteKey)
    {
        var host = new EmbeddedPipelineHost(definition, writeKey);
        await host.InitializeAsync();
        return host;
    }

    public async Task InitializeAsync()
    {
        var builder = EmbeddedHost.CreateBuilder(_writeKey, AdminToken);
        builder.Configuration["Pql:Ingest:Partitions"] = Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Pql:Users:SettleDelay"] = "00:00:00.020";
        builder.Configuration["Pql:Accounts:SettleDelay"] = "00:00:00.020";
        builder.Services.AddPqlScoreReads();
        builder.UseEmbeddedSilo();
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.Replace(ServiceDescriptor.Singleton<IScoringModel>(new DefinitionScoringModel(_definition)));

        _app = builder.Build();
        _app.MapSegmentGateway();
        _app.MapPqlScoreReads();
        Client = await EmbeddedHost.StartAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await EmbeddedHost.StopAsync(_app, Client);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public Task<HttpResponseMessage> PostAsync(string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_writeKey + ":")));
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
