using PqlGrains.Testing.Hosting;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Cluster;

/// <summary><c>Pql:Database:GrainStorage</c>: both providers run a silo, and a cluster can switch between them across a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GrainStorageSwitchTests(PostgresServer server)
{
    [Fact]
    public async Task State_saved_by_the_AdoNet_provider_is_read_and_updated_by_the_batched_one_and_back()
    {
        var settings = PostgresSiloSettings.For(await server.CreateDatabaseAsync(nameof(GrainStorageSwitchTests)), "storage-switch");
        await using (var adoNet = await SiloProcess.StartAsync(WithGrainStorage(settings, "AdoNet")))
        {
            await CanaryApi.BumpAsync(adoNet, "switch");
            await adoNet.StopAsync();
        }

        await using (var batched = await SiloProcess.StartAsync(WithGrainStorage(settings, "Batched")))
        {
            Assert.Equal(1, (await CanaryApi.ReadAsync(batched, "switch")).Bumps);
            await CanaryApi.BumpAsync(batched, "switch");
            await batched.StopAsync();
        }

        await using var back = await SiloProcess.StartAsync(WithGrainStorage(settings, "AdoNet"));
        Assert.Equal(2, (await CanaryApi.ReadAsync(back, "switch")).Bumps);
    }

    private static Dictionary<string, string> WithGrainStorage(Dictionary<string, string> settings, string kind) =>
        new(settings) { ["Pql__Database__GrainStorage"] = kind };
}
