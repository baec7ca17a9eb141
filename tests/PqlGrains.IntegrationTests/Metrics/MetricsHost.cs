using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.IntegrationTests.Hosting;
using PqlGrains.Silo.Gateway;
using PqlGrains.Silo.Metrics;

namespace PqlGrains.IntegrationTests.Metrics;

/// <summary>An embedded silo with the tracking gateway and the metrics endpoint configured by the test's settings.</summary>
internal sealed class MetricsHost : IAsyncDisposable
{
    public const string WriteKey = "metrics-write-key";
    public const string AdminToken = "metrics-admin-token";
    public const int Partitions = 2;

    private readonly WebApplication _app;

    private MetricsHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<MetricsHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var builder = EmbeddedHost.CreateBuilder(WriteKey, AdminToken);
        builder.Configuration["Pql:Ingest:Partitions"] = Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.Services.AddPqlMetrics(builder.Configuration);
        builder.UseEmbeddedSilo();
        var app = builder.Build();
        app.MapSegmentGateway();
        app.MapPqlMetrics();
        return new MetricsHost(app, await EmbeddedHost.StartAsync(app));
    }

    public Task<HttpResponseMessage> PostBatchAsync(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/batch") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> ScrapeAsync(string path = PqlMetricsOptions.DefaultPath, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Scrapes until <paramref name="done"/> holds for the scrape (dispatch follows the ack), at most 20 s.</summary>
    public async Task<PrometheusScrape> ScrapeUntilAsync(Func<PrometheusScrape, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await ScrapeAsync();
            var scrape = PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
            if (done(scrape))
            {
                return scrape;
            }

            Assert.True(DateTime.UtcNow < deadline, "the scrape did not reach the expected state within 20 s:\n" + scrape.Text);
            await Task.Delay(50);
        }
    }

    public async Task<bool> CaughtUpAsync()
    {
        var grains = _app.Services.GetRequiredService<IGrainFactory>();
        for (var partition = 0; partition < Partitions; partition++)
        {
            if (!(await grains.GetGrain<IIngestPartitionGrain>(partition).GetProgress()).IsCaughtUp)
            {
                return false;
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync() => await EmbeddedHost.StopAsync(_app, Client);
}
