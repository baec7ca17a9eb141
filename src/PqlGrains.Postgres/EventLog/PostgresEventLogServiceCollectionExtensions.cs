using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using PqlGrains.Abstractions.Ingest;

namespace PqlGrains.Postgres.EventLog;

public static class PostgresEventLogServiceCollectionExtensions
{
    /// <summary>
    /// The PostgreSQL event log (<c>pql_event_log</c>, schema migrations 2 to 5) and its recorded partition count over the
    /// <see cref="NpgsqlDataSource"/> registered in the container.
    /// </summary>
    public static IServiceCollection AddPqlPostgresEventLog(this IServiceCollection services)
    {
        services.TryAddSingleton<IEventLog>(provider => new PostgresEventLog(DataSourceOf(provider)));
        services.TryAddSingleton<IEventLogLayout>(provider => new PostgresEventLogLayout(DataSourceOf(provider)));
        return services;
    }

    private static NpgsqlDataSource DataSourceOf(IServiceProvider provider) =>
        provider.GetService<NpgsqlDataSource>()
        ?? throw new InvalidOperationException("The PostgreSQL event log needs an NpgsqlDataSource in the container: run with Pql:Storage=Postgres and a connection string (Pql:ConnectionString or ConnectionStrings:Pql).");
}
