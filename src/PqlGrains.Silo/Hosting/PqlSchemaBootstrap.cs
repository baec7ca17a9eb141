using Microsoft.Extensions.Options;
using Npgsql;
using PqlGrains.Postgres.Schema;
using PqlGrains.Silo.Configuration;

namespace PqlGrains.Silo.Hosting;

/// <summary>
/// Before the silo joins the cluster, brings the database schema up to date (MigrateOnStart) or
/// checks it is exactly what this binary expects, so a silo never runs against a schema it does
/// not understand.
/// </summary>
internal sealed partial class PqlSchemaBootstrap(
    NpgsqlDataSource dataSource,
    IOptions<PqlOptions> options,
    ILogger<PqlSchemaBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Database.MigrateOnStart)
        {
            await PqlSchema.EnsureCurrentAsync(dataSource, cancellationToken);
            LogSchemaCurrent(PqlSchema.LatestVersion);
            return;
        }

        var result = await PqlSchema.MigrateAsync(dataSource, cancellationToken);
        if (result.ChangedAnything)
        {
            LogMigrated(result.PreviousVersion, result.CurrentVersion, string.Join(", ", result.Applied));
        }
        else
        {
            LogSchemaCurrent(result.CurrentVersion);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current (version {Version})")]
    private partial void LogSchemaCurrent(int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema migrated from version {From} to {To}: {Applied}")]
    private partial void LogMigrated(int from, int to, string applied);
}
