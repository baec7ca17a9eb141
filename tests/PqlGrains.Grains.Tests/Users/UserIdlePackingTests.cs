using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Scoring.Events;
using static PqlGrains.Grains.Tests.Infrastructure.Events;

namespace PqlGrains.Grains.Tests.Users;

/// <summary>A settled user keeps its scoring state live while events keep coming and packs it once a window brings none.</summary>
public sealed class UserIdlePackingTests(PackingCountingClusterFixture fixture) : IClassFixture<PackingCountingClusterFixture>
{
    [Fact]
    public async Task An_idle_user_packs_its_scoring_state_once_and_unpacks_it_to_the_same_score()
    {
        var userId = NewUserId();
        ScoringEvent[] events = [Track(userId, "feature_activated"), Track(userId, "member_invited", minute: 1)];
        await fixture.Ingestor.IngestAsync(events, CancellationToken.None);
        await fixture.DispatchedAsync();

        await Eventually.Get(() => Task.FromResult(fixture.Model.UserPackings), packings => packings >= 1, "the idle user to pack its state");

        // An idle user gets no further settle calls, so nothing packs it again.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, fixture.Model.UserPackings);
        Pipeline.AssertScoredAsEngine(await fixture.UserAsync(userId), events);
    }
}
