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
using PqlGrains.Grains.Hosting;
using PqlGrains.Grains.Leads;
using PqlGrains.Silo.Api;
using PqlGrains.Silo.Gateway;
using PqlGrains.Testing;
using PqlGrains.Testing.Fakes;

using PqlGrains.IntegrationTests.Hosting;

namespace PqlGrains.IntegrationTests.Leads;

/// <summary>
/// Embedded mode end to end over loopback HTTP: Segment gateway -> ingest -> scoring -> tier change -> lead ->
/// routing (the shipped demo routing) -> outbox -> a fake HubSpot and Slack that check requests against the specs, and a
/// fake Salesforce that checks Task requests as its REST API documents them.
/// </summary>
public sealed class LeadsPipelineHost : IAsyncLifetime
{
    public const string WriteKey = "leads-write-key";
    public const string AdminToken = "leads-admin-token";
    public const string HubSpotAppSecret = "hubspot-app-secret";

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The embedded silo's services (the app and the silo share one container).</summary>
    public IServiceProvider Services => _app!.Services;

    public FakeHubSpotServer Crm { get; private set; } = null!;

    /// <summary>Salesforce is configured beside HubSpot: every task goes to both.</summary>
    public FakeSalesforceServer Salesforce { get; private set; } = null!;

    /// <summary>The routing file the silo loads through <c>Pql:Routing:Path</c>: the demo reps under a version of its own.</summary>
    public string RoutingPath { get; } = Path.Combine(Path.GetTempPath(), $"pql-leads-routing-{Guid.NewGuid():N}.yaml");

    public const string RoutingVersion = "loaded-from-path";

    /// <summary>Short, so a CRM kept failing by a test is given up on within it; healthy deliveries never wait this long.</summary>
    public static readonly TimeSpan DeadLetterAfter = TimeSpan.FromSeconds(2);

    public async Task InitializeAsync()
    {
        Crm = await FakeHubSpotServer.StartAsync();
        Salesforce = await FakeSalesforceServer.StartAsync();
        await File.WriteAllTextAsync(RoutingPath, PqlGrains.Routing.Loading.RoutingFile.DemoText().Replace("version: demo-1", "version: " + RoutingVersion, StringComparison.Ordinal));
        var builder = EmbeddedHost.CreateBuilder(WriteKey, AdminToken);
        builder.Configuration["Pql:Users:AccountReportDelay"] = "00:00:00.020";
        builder.Configuration["Pql:Accounts:SettleDelay"] = "00:00:00.020";
        builder.Configuration["Pql:Crm:HubSpot:BaseUrl"] = Crm.BaseUrl.ToString();
        builder.Configuration["Pql:Crm:HubSpot:AccessToken"] = FakeHubSpotServer.AccessToken;
        builder.Configuration["Pql:Crm:HubSpot:AppSecret"] = HubSpotAppSecret;
        builder.Configuration["Pql:Alerts:Slack:WebhookUrl"] = Crm.SlackWebhookUrl.ToString();
        builder.Configuration["Pql:Crm:Salesforce:InstanceUrl"] = Salesforce.InstanceUrl.ToString();
        builder.Configuration["Pql:Crm:Salesforce:AccessToken"] = FakeSalesforceServer.AccessToken;
        builder.Configuration["Pql:Crm:Salesforce:ApiVersion"] = FakeSalesforceServer.ApiVersion;
        builder.Configuration["Pql:Outbox:InitialBackoff"] = "00:00:00.100";
        builder.Configuration["Pql:Outbox:MaxBackoff"] = "00:00:00.500";
        builder.Configuration["Pql:Outbox:DeadLetterAfter"] = DeadLetterAfter.ToString();
        builder.Configuration["Pql:Routing:Path"] = RoutingPath;
        builder.Services.AddPqlScoreReads();
        builder.Services.AddPqlLeadsApi(builder.Configuration);
        builder.UseEmbeddedSilo(silo => silo.AddPqlLeads(builder.Configuration));

        _app = builder.Build();
        _app.MapSegmentGateway();
        _app.MapLeadsApi();
        _app.MapPqlScoreReads();
        _app.MapPqlPrivacy();
        Client = await EmbeddedHost.StartAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await EmbeddedHost.StopAsync(_app, Client);

        await Crm.DisposeAsync();
        await Salesforce.DisposeAsync();
        File.Delete(RoutingPath);
    }

    public Task<HttpResponseMessage> TrackAsync(string json) =>
        Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v1/batch")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":"))) },
        });

    public Task<HttpResponseMessage> ApiAsync(HttpMethod method, string path, string? json = null, string? bearer = AdminToken)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return Client.SendAsync(request);
    }
}
