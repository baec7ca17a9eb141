using Npgsql;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Postgres.EventLog;
using PqlGrains.Scoring.Events;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Pipeline;

/// <summary>The partition count is recorded with the log and fixed for its life.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEventLogLayoutTests(PostgresServer server) : IAsyncLifetime
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    [Fact]
    public async Task The_first_claim_records_its_count_and_later_claims_get_that_count_back()
    {
        var layout = new PostgresEventLogLayout(await CreateDataSourceAsync());

        var first = await layout.ClaimAsync(16, CancellationToken.None);
        var second = await layout.ClaimAsync(8, CancellationToken.None);

        Assert.Equal(new EventLogLayout(16, -1), first);
        Assert.Equal(16, second.Partitions);
    }

    [Fact]
    public async Task A_log_written_before_counts_were_recorded_claims_at_least_the_partitions_it_holds()
    {
        var dataSource = await CreateDataSourceAsync();
        var log = new PostgresEventLog(dataSource);
        await log.AppendAsync(63, 1, [Event("u-63")], CancellationToken.None);

        var claimed = await new PostgresEventLogLayout(dataSource).ClaimAsync(16, CancellationToken.None);

        Assert.Equal(new EventLogLayout(64, 63), claimed);
    }

    private static ScoringEvent Event(string userId) =>
        new($"m-{userId}", userId, EventType.Track, "report.exported", new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero), EventProperties.Empty);

    private async Task<NpgsqlDataSource> CreateDataSourceAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("layout"));
        _dataSources.Add(dataSource);
        return dataSource;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}
