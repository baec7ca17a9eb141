using System.Net;
using PqlGrains.Testing.Hosting;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class MultiSiloTests(PostgresServer server)
{
    [Fact]
    public async Task Two_silo_processes_form_one_cluster_so_a_grain_written_through_one_is_read_through_the_other()
    {
        var settings = PostgresSiloSettings.For(await server.CreateDatabaseAsync(nameof(MultiSiloTests)), "two-silos");
        var started = await SiloProcess.StartManyAsync(2, settings);
        await using var a = started[0];
        await using var b = started[1];

        var written = await CanaryApi.BumpAsync(a, "shared");
        var read = await CanaryApi.ReadAsync(b, "shared");

        Assert.Equal(1, read.Bumps);
        // One activation for the whole cluster: both silos reach the same one.
        Assert.Equal(written.SiloAddress, read.SiloAddress);
        Assert.Equal(written.ActivatedAt, read.ActivatedAt);
    }

    [Fact]
    public async Task After_a_silo_is_killed_the_survivor_serves_its_grains_and_fires_its_reminders()
    {
        var settings = PostgresSiloSettings.For(await server.CreateDatabaseAsync(nameof(MultiSiloTests)), "failover");
        var started = await SiloProcess.StartManyAsync(2, settings);
        await using var a = started[0];
        await using var b = started[1];
        // Whichever silo the canary landed on is the one to kill.
        const string orphan = "orphan";
        var placed = await CanaryApi.BumpAsync(a, orphan);
        var victim = placed.SiloAddress.Contains($":{a.SiloPort}:", StringComparison.Ordinal) ? a : b;
        var survivor = victim == a ? b : a;
        await CanaryApi.ArmReminderAsync(survivor, orphan, periodSeconds: 1);
        await CanaryApi.ReadUntilAsync(survivor, orphan, r => r.ReminderTicks >= 1, "the reminder to tick on the doomed silo");

        await victim.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;

        var moved = await CanaryApi.ReadUntilAsync(survivor, orphan,
            r => r.SiloAddress.Contains($":{survivor.SiloPort}:", StringComparison.Ordinal), "the canary to be served by the survivor");
        Assert.Equal(1, moved.Bumps);
        var ticked = await CanaryApi.ReadUntilAsync(survivor, orphan,
            r => r.LastReminderTickAt > killedAt && r.ReminderTicks > moved.ReminderTicks, "the orphaned reminder to fire on the survivor");
        Assert.True(ticked.ReminderArmed);
        using var ready = await survivor.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
