using System.Net;
using PqlGrains.Testing.Hosting;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class WorkerSiloTests(PostgresServer server)
{
    [Fact]
    public async Task A_worker_silo_migrates_an_empty_database_at_start_and_serves_health_but_no_gateway_API()
    {
        var settings = PostgresSiloSettings.For(await server.CreateDatabaseAsync(nameof(WorkerSiloTests), migrate: false), "worker");
        settings["Pql__Database__MigrateOnStart"] = "true";
        settings["Pql__Gateway__Enabled"] = "false";

        await using var worker = await SiloProcess.StartAsync(settings);

        using var health = await worker.Http.GetAsync("/healthz");
        using var admin = await worker.Http.PostAsync("/api/admin/canary/anything", null);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
    }

    [Fact]
    public async Task A_silo_refuses_to_start_on_an_unmigrated_database_and_says_how_to_migrate()
    {
        var settings = PostgresSiloSettings.For(await server.CreateDatabaseAsync(nameof(WorkerSiloTests), migrate: false), "unmigrated");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(settings));

        Assert.Contains("pql db migrate", refused.Message, StringComparison.Ordinal);
    }
}
