using PqlGrains.Testing.Hosting;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class SiloRestartTests(PostgresServer server)
{
    [Fact]
    public async Task Grain_state_written_before_a_restart_is_read_back_after_it()
    {
        var settings = PostgresSiloSettings.For(await server.CreateDatabaseAsync(nameof(SiloRestartTests)), "restart-state");
        await using (var before = await SiloProcess.StartAsync(settings))
        {
            await CanaryApi.BumpAsync(before, "durable");
            await CanaryApi.BumpAsync(before, "durable");
            await before.StopAsync();
        }

        await using var after = await SiloProcess.StartAsync(settings);
        var report = await CanaryApi.ReadAsync(after, "durable");

        Assert.Equal(2, report.Bumps);
        Assert.Contains($":{after.SiloPort}:", report.SiloAddress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it_without_being_touched()
    {
        var settings = PostgresSiloSettings.For(await server.CreateDatabaseAsync(nameof(SiloRestartTests)), "restart-reminder");
        long ticksBeforeRestart;
        await using (var before = await SiloProcess.StartAsync(settings))
        {
            await CanaryApi.ArmReminderAsync(before, "alarm", periodSeconds: 1);
            ticksBeforeRestart = (await CanaryApi.ReadUntilAsync(before, "alarm", r => r.ReminderTicks >= 1, "a first reminder tick")).ReminderTicks;
            await before.StopAsync();
        }

        var restartedAt = DateTimeOffset.UtcNow;
        await using var after = await SiloProcess.StartAsync(settings);

        // Reading is not enough to register anything: only the durable reminder can raise the count.
        var report = await CanaryApi.ReadUntilAsync(after, "alarm", r => r.ReminderTicks > ticksBeforeRestart, "a reminder tick after the restart");
        Assert.True(report.LastReminderTickAt > restartedAt);
    }
}
