using Npgsql;
using PqlGrains.Abstractions.Ingest;

namespace PqlGrains.Postgres.EventLog;

/// <summary>
/// The partition count in <c>pql_ingest_layout</c> (schema migration 4). A log written before the
/// count was recorded gets the larger of the configured count and the highest partition it holds
/// + 1, so a lowered count is refused instead of silently re-hashing users.
/// </summary>
public sealed class PostgresEventLogLayout(NpgsqlDataSource dataSource) : IEventLogLayout
{
    // MAX(partition) walks the primary key index from its end: one page read however large the log.
    private const string ClaimSql = """
        WITH used AS (SELECT COALESCE(MAX(partition), -1) AS highest FROM pql_event_log)
        INSERT INTO pql_ingest_layout (id, partitions)
        SELECT true, GREATEST($1, used.highest + 1) FROM used
        ON CONFLICT (id) DO NOTHING
        """;

    private const string ReadSql = """
        SELECT l.partitions, (SELECT COALESCE(MAX(partition), -1) FROM pql_event_log)
        FROM pql_ingest_layout l WHERE l.id
        """;

    public async Task<EventLogLayout> ClaimAsync(int partitions, CancellationToken cancellationToken)
    {
        await using (var claim = dataSource.CreateCommand(ClaimSql))
        {
            claim.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partitions });
            await claim.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var read = dataSource.CreateCommand(ReadSql);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("pql_ingest_layout has no row after recording one; check that schema migration 4 ran (Pql:Database:MigrateOnStart or `pql db migrate`).");
        }

        return new EventLogLayout(reader.GetInt32(0), reader.GetInt32(1));
    }
}
