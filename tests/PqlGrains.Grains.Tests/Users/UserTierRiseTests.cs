using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Tests.Infrastructure;
using static PqlGrains.Grains.Tests.Infrastructure.Events;

namespace PqlGrains.Grains.Tests.Users;

/// <summary>A rising tier is published at once, stamped with the time of the event that crossed it.</summary>
public sealed class UserTierRiseTests(LongSettleClusterFixture fixture) : IClassFixture<LongSettleClusterFixture>
{
    [Fact]
    public async Task An_upward_crossing_is_published_without_waiting_for_the_settle_window_at_the_event_time()
    {
        var userId = NewUserId();
        var crossing = Track(userId, "billing_page_viewed", minute: 7);

        await fixture.Ingestor.IngestAsync([Track(userId, "feature_activated", minute: 1), crossing], CancellationToken.None);

        // The window is an hour long: a change that arrives at all came from the rise, not from the timer.
        var change = await Eventually.Get(() => Task.FromResult(ChangesOf(userId)), changes => changes.Count > 0, "the tier change of the rise");
        Assert.Equal(("hot", crossing.Timestamp), (change[0].NewTier, change[0].At));
        Assert.NotNull(change[0].DetectedAt);
        Assert.True(change[0].DetectedAt > change[0].At);
    }

    [Fact]
    public async Task The_user_view_reports_the_tier_at_the_last_event_and_when_each_tier_was_crossed()
    {
        var userId = NewUserId();
        var warm = Track(userId, "billing_page_viewed", minute: 2);

        // 50 + 30 seven minutes apart is a hair under 80 (continuous decay): hot, and the feature makes it sales-ready.
        var hot = Track(userId, "member_invited", minute: 9);
        var salesReady = Track(userId, "feature_activated", minute: 12);

        await fixture.Ingestor.IngestAsync([warm, hot, salesReady], CancellationToken.None);
        await fixture.DispatchedAsync();

        var view = await fixture.UserAsync(userId);
        Assert.Equal("sales_ready", view!.TierAtLastEvent);
        Assert.Equal(
            new Dictionary<string, DateTimeOffset> { ["warm"] = warm.Timestamp, ["hot"] = hot.Timestamp, ["sales_ready"] = salesReady.Timestamp },
            view.TierCrossedAt);
    }

    private List<TierChanged> ChangesOf(string userId) => [.. fixture.TierChanges.Changes.Where(c => c.SubjectId == userId)];
}
