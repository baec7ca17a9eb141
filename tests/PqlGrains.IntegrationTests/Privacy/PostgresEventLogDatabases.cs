using Npgsql;
using PqlGrains.Postgres.EventLog;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Privacy;

/// <summary>A fresh migrated database per event log a test asks for; disposes their data sources at the end.</summary>
internal sealed class PostgresEventLogDatabases(PostgresServer server) : IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    public async Task<NpgsqlDataSource> CreateDataSourceAsync(string label)
    {
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync(label));
        _dataSources.Add(dataSource);
        return dataSource;
    }

    public async Task<PostgresEventLog> CreateLogAsync(string label) => new(await CreateDataSourceAsync(label));

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}
