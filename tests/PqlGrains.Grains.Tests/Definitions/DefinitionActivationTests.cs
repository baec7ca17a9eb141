using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Scoring.Events;
using static PqlGrains.Grains.Tests.Infrastructure.Events;

namespace PqlGrains.Grains.Tests.Definitions;

[Collection(DefinitionClusterCollection.Name)]
public sealed class DefinitionActivationTests(DefinitionClusterFixture cluster)
{
    [Fact]
    public async Task Activating_a_new_version_rescores_existing_users_exactly_as_the_engine_replaying_their_events()
    {
        await cluster.ActivateAsync(ClusterDefinitions.Base);
        var userId = NewUserId();
        var events = QualifyingEvents(userId);
        await cluster.IngestAsync(events);
        await cluster.DispatchedAsync();
        var before = await cluster.UserAsync(userId);
        Assert.Equal(("c1", "sales_ready"), (before!.Score.DefinitionVersion, before.Score.Tier));
        await PublishedAsync(userId, "sales_ready", "c1");

        await cluster.ActivateAsync(ClusterDefinitions.Cheaper);

        var after = await cluster.UserAsync(userId);
        Assert.Equal(("c2", "warm"), (after!.Score.DefinitionVersion, after.Score.Tier));
        Assert.Equal(ClusterDefinitions.EngineScore(ClusterDefinitions.Cheaper, events, after.Score.EvaluatedAt), after.Score.Score);
        Assert.Equal(events.Length, after.EventsApplied);
        await PublishedAsync(userId, "warm", "c2");
    }

    [Fact]
    public async Task Rolling_back_to_the_older_version_restores_its_scores_and_tier()
    {
        await cluster.ActivateAsync(ClusterDefinitions.Base);
        var userId = NewUserId();
        var events = QualifyingEvents(userId);
        await cluster.IngestAsync(events);
        await cluster.DispatchedAsync();
        var original = await cluster.UserAsync(userId);
        await PublishedAsync(userId, "sales_ready", "c1");
        await cluster.ActivateAsync(ClusterDefinitions.Cheaper);
        Assert.Equal("c2", (await cluster.UserAsync(userId))!.Score.DefinitionVersion);
        await PublishedAsync(userId, "warm", "c2");

        await cluster.ActivateAsync(ClusterDefinitions.Base);

        var restored = await cluster.UserAsync(userId);
        Assert.Equal(("c1", "sales_ready"), (restored!.Score.DefinitionVersion, restored.Score.Tier));
        Assert.Equal(ClusterDefinitions.EngineScore(ClusterDefinitions.Base, events, restored.Score.EvaluatedAt), restored.Score.Score);
        Assert.Equal(original!.Score.Breakdown.Select(s => s.Signal), restored.Score.Breakdown.Select(s => s.Signal));
        (string?, string)[] expected = [("sales_ready", "c1"), ("warm", "c2"), ("sales_ready", "c1")];
        var published = await Eventually.Get(
            () => Task.FromResult(cluster.TierChanges.Changes.Where(change => change.SubjectId == userId).Select(change => (change.NewTier, change.DefinitionVersion)).ToArray()),
            changes => changes.Length >= expected.Length,
            "three tier changes");
        Assert.Equal(expected, published);
    }

    [Fact]
    public async Task Events_arriving_after_an_activation_are_scored_under_the_new_version_only()
    {
        await cluster.ActivateAsync(ClusterDefinitions.Base);
        var userId = NewUserId();
        ScoringEvent first = Track(userId, "billing_page_viewed", minute: 1);
        await cluster.IngestAsync(first);
        await cluster.DispatchedAsync();
        await cluster.ActivateAsync(ClusterDefinitions.Cheaper);

        ScoringEvent second = Track(userId, "member_invited", minute: 2);
        await cluster.IngestAsync(second);
        await cluster.DispatchedAsync();

        var user = await cluster.UserAsync(userId);
        Assert.Equal("c2", user!.Score.DefinitionVersion);
        Assert.Equal(ClusterDefinitions.EngineScore(ClusterDefinitions.Cheaper, [first, second], user.Score.EvaluatedAt), user.Score.Score);
    }

    /// <summary>Tier checks run once per settle window: wait for the crossing to be published.</summary>
    private Task PublishedAsync(string userId, string tier, string version) => Eventually.Get(
        () => Task.FromResult(cluster.TierChanges.Changes.Any(change => change.SubjectId == userId && change.NewTier == tier && change.DefinitionVersion == version)),
        published => published,
        $"the tier change of {userId} to {tier} under version {version}");

    private static ScoringEvent[] QualifyingEvents(string userId) =>
        [Track(userId, "billing_page_viewed", minute: 1), Track(userId, "member_invited", minute: 2), Track(userId, "feature_activated", minute: 3)];
}
