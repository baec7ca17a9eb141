using Npgsql;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Grains.Tests.Ingest;
using PqlGrains.Postgres.EventLog;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Pipeline;

/// <summary>The event log contract against a real PostgreSQL with the migrated schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEventLogTests(PostgresServer server) : EventLogContract, IAsyncLifetime
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    protected override async Task<IEventLog> CreateLogAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("eventlog"));
        _dataSources.Add(dataSource);
        return new PostgresEventLog(dataSource);
    }

    [Fact]
    public async Task User_replay_reads_through_the_user_index()
    {
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("eventlog"));
        _dataSources.Add(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var noSeqScan = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            // An empty table makes a sequential scan cheapest; the question is whether the index serves the query at all.
            await noSeqScan.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN SELECT seq FROM pql_event_log WHERE user_id = 'u' AND partition = 1 AND seq > 0 ORDER BY seq", connection);
        var plan = (string)(await explain.ExecuteScalarAsync())!;
        Assert.Contains("ix_pql_event_log_user", plan);
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
