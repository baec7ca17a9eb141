using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PqlGrains.Grains.Hosting;
using PqlGrains.Silo.Gateway;
using PqlGrains.Testing;

namespace PqlGrains.IntegrationTests.Hosting;

/// <summary>
/// What every in-process embedded host of these tests shares: a web app on a loopback port with
/// the tracking gateway, one silo on free ports with in-memory storage, reminders and event log,
/// and the ingest pipeline. Each host adds only the parts it is about.
/// </summary>
internal static class EmbeddedHost
{
    public static WebApplicationBuilder CreateBuilder(string writeKey, string adminToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Pql:Gateway:WriteKeys:0"] = writeKey;
        builder.Configuration["Pql:Api:AdminToken"] = adminToken;
        builder.Services.AddSegmentGateway(builder.Configuration);
        return builder;
    }

    public static void UseEmbeddedSilo(this WebApplicationBuilder builder, Action<ISiloBuilder>? configure = null) =>
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(LoopbackPort.Free(), LoopbackPort.Free());
            silo.AddMemoryGrainStorage("pql");
            silo.UseInMemoryReminderService();
            silo.AddPqlIngest();
            silo.Services.AddPqlInMemoryEventLog();
            configure?.Invoke(silo);
        });

    /// <summary>Starts the app and returns a client for the address it bound.</summary>
    public static async Task<HttpClient> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new HttpClient { BaseAddress = new Uri(address) };
    }

    public static async Task StopAsync(WebApplication? app, HttpClient? client)
    {
        client?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
