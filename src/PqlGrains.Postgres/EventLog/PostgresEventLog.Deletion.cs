using Npgsql;

namespace PqlGrains.Postgres.EventLog;

/// <summary>
/// Retention and erasure. Each is one statement: the rows go and the partition's highest deleted sequence is
/// recorded in <c>pql_event_log_deleted</c> atomically, so <see cref="GetLastSequenceAsync"/> never falls.
/// </summary>
public sealed partial class PostgresEventLog
{
    private const string RecordDeletedSql = """
        recorded AS (
            INSERT INTO pql_event_log_deleted (partition, max_deleted_seq)
            SELECT @partition, max(seq) FROM deleted HAVING count(*) > 0
            ON CONFLICT (partition) DO UPDATE
            SET max_deleted_seq = GREATEST(pql_event_log_deleted.max_deleted_seq, EXCLUDED.max_deleted_seq), deleted_at = now()
        )
        SELECT count(*)::integer FROM deleted
        """;

    // Walks the partition from its oldest row through the primary key, so a sweep costs its batch whatever the
    // table's size; the first row not yet expired ends the batch (rows are logged in sequence order).
    private const string DeleteExpiredSql = """
        WITH head AS (
            SELECT seq, logged_at FROM pql_event_log
            WHERE partition = @partition AND seq <= @through
            ORDER BY seq LIMIT @limit
        ), expired AS (
            SELECT seq FROM head
            WHERE seq < COALESCE((SELECT min(seq) FROM head WHERE logged_at >= @before), 9223372036854775807)
        ), deleted AS (
            DELETE FROM pql_event_log e USING expired x
            WHERE e.partition = @partition AND e.seq = x.seq
            RETURNING e.seq
        ),
        """ + RecordDeletedSql;

    private const string DeleteUserSql = """
        WITH deleted AS (
            DELETE FROM pql_event_log
            WHERE user_id = @user AND partition = @partition AND seq <= @through
            RETURNING seq
        ),
        """ + RecordDeletedSql;

    public async Task<int> DeleteExpiredAsync(int partition, DateTimeOffset loggedBefore, long throughSequence, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DeleteExpiredSql);
        command.Parameters.Add(new NpgsqlParameter<int>("partition", partition));
        command.Parameters.Add(new NpgsqlParameter<long>("through", throughSequence));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("before", loggedBefore.ToUniversalTime()));
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<int> DeleteUserAsync(int partition, string userId, long throughSequence, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DeleteUserSql);
        command.Parameters.Add(new NpgsqlParameter<string>("user", userId));
        command.Parameters.Add(new NpgsqlParameter<int>("partition", partition));
        command.Parameters.Add(new NpgsqlParameter<long>("through", throughSequence));
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
