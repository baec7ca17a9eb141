using PqlGrains.Testing.Hosting;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class SiloRestartTests(PostgresServer server)
{
    [Fact]
    public async Task Grain_state_and_a_reminder_registered_before_a_restart_survive_it()
    {
        var settings = PostgresSiloSettings.For(await server.CreateDatabaseAsync(nameof(SiloRestartTests)), "restart");
        long ticksBeforeRestart;
        await using (var before = await SiloProcess.StartAsync(settings))
        {
            await CanaryApi.BumpAsync(before, "durable");
            await CanaryApi.BumpAsync(before, "durable");
            await CanaryApi.ArmReminderAsync(before, "durable", periodSeconds: 1);
            ticksBeforeRestart = (await CanaryApi.ReadUntilAsync(before, "durable", r => r.ReminderTicks >= 1, "a first reminder tick")).ReminderTicks;
            await before.StopAsync();
        }

        var restartedAt = DateTimeOffset.UtcNow;
        await using var after = await SiloProcess.StartAsync(settings);

        var state = await CanaryApi.ReadAsync(after, "durable");
        Assert.Equal(2, state.Bumps);
        Assert.True(state.ReminderArmed);
        // Reading registers nothing: only the durable reminder, reloaded from PostgreSQL, can raise the count.
        var ticked = await CanaryApi.ReadUntilAsync(after, "durable", r => r.ReminderTicks > ticksBeforeRestart && r.LastReminderTickAt > restartedAt, "a reminder tick after the restart");
        Assert.Contains($":{after.SiloPort}:", ticked.SiloAddress, StringComparison.Ordinal);
    }
}
