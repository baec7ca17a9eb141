using PqlGrains.Abstractions.Accounts;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Users;
using PqlGrains.Grains.Ingest;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Infrastructure;

internal static class Pipeline
{
    public static int PartitionOf(string userId) => PartitionMap.PartitionOf(userId, IngestClusterFixture.Partitions);

    /// <summary>Waits until every partition dispatched everything it logged.</summary>
    public static async Task DispatchedAsync(this IngestClusterFixture fixture)
    {
        for (var partition = 0; partition < IngestClusterFixture.Partitions; partition++)
        {
            var grain = fixture.Grains.GetGrain<IIngestPartitionGrain>(partition);
            await Eventually.Get(grain.GetProgress, progress => progress.IsCaughtUp, $"partition {partition} to dispatch what it logged");
        }
    }

    /// <summary>The user's score is exactly what the engine gives these events at the view's evaluation instant.</summary>
    public static void AssertScoredAsEngine(UserView? view, IEnumerable<ScoringEvent> events)
    {
        Assert.NotNull(view);
        Assert.Equal(TestDefinition.ExpectedUserScore(events, view.Score.EvaluatedAt), view.Score.Score);
    }

    public static Task<UserView?> UserAsync(this IngestClusterFixture fixture, string userId) =>
        fixture.Grains.GetGrain<IUserGrain>(userId).GetView();

    public static Task<AccountView?> AccountAsync(this IngestClusterFixture fixture, string accountId) =>
        fixture.Grains.GetGrain<IAccountGrain>(accountId).GetView();
}
