using PqlGrains.Abstractions.Ingest;
using PqlGrains.Grains.Tests.Ingest;
using PqlGrains.Postgres.EventLog;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Privacy;

/// <summary>Retention and erasure against a real PostgreSQL with the migrated schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEventLogDeletionTests(PostgresServer server) : EventLogDeletionContract, IAsyncLifetime
{
    private readonly PostgresEventLogDatabases _databases = new(server);

    protected override async Task<IEventLog> CreateLogAsync() => await _databases.CreateLogAsync("deletion");

    [Fact]
    public async Task Expiry_ends_at_the_first_row_logged_after_the_cutoff_even_when_older_rows_follow_it()
    {
        var dataSource = await _databases.CreateDataSourceAsync("deletion");
        var log = new PostgresEventLog(dataSource);
        await log.AppendAsync(0, 1, [Event("a"), Event("b"), Event("c")], CancellationToken.None);
        await using (var age = dataSource.CreateCommand("UPDATE pql_event_log SET logged_at = now() - CASE seq WHEN 2 THEN interval '1 hour' ELSE interval '10 days' END"))
        {
            await age.ExecuteNonQueryAsync();
        }

        var deleted = await log.DeleteExpiredAsync(0, DateTimeOffset.UtcNow.AddDays(-5), long.MaxValue, 100, CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal([2L, 3L], (await log.ReadPartitionAsync(0, 0, 10, CancellationToken.None)).Select(e => e.Sequence));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _databases.DisposeAsync();

    private static Scoring.Events.ScoringEvent Event(string messageId) =>
        new(messageId, "u", Scoring.Events.EventType.Track, "page_viewed", DateTimeOffset.UnixEpoch.AddDays(20_000), Scoring.Events.EventProperties.Empty);
}
