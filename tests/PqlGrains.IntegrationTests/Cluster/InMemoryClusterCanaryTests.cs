using PqlGrains.Abstractions.Operations;
using PqlGrains.Testing.Orleans;

namespace PqlGrains.IntegrationTests.Cluster;

public sealed class InMemoryClusterCanaryTests(PqlTestClusterFixture fixture) : IClassFixture<PqlTestClusterFixture>
{
    [Fact]
    public async Task The_canary_keeps_its_count_across_deactivation_and_counts_second_scale_reminder_ticks()
    {
        var canary = fixture.GrainFactory.GetGrain<ICanaryGrain>("in-memory");
        await canary.BumpAsync();
        await canary.ArmReminderAsync(PqlTestClusterFixture.MinimumReminderPeriod);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var report = await canary.ReadAsync();
        while (report.ReminderTicks == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            report = await canary.ReadAsync();
        }

        await fixture.Cluster.DeactivateAsync(canary);
        var reactivated = await canary.ReadAsync();

        Assert.True(report.ReminderTicks >= 1, "the reminder never ticked");
        Assert.Equal(1, reactivated.Bumps);
        Assert.True(reactivated.ReminderTicks >= report.ReminderTicks);
        Assert.NotEqual(report.ActivatedAt, reactivated.ActivatedAt);
        await canary.DisarmReminderAsync();
    }
}
