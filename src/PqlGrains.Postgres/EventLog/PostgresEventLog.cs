using System.Text;
using Npgsql;
using NpgsqlTypes;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Postgres.EventLog;

/// <summary>
/// The event log in <c>pql_event_log</c>. An append is one transaction: the whole group commit
/// goes in with a binary COPY, and a taken sequence number fails on the primary key. COPY cannot
/// skip rows, so when the partition already holds one of the messageIds (a resent event) the
/// COPY fails as a whole and the append is repeated as an INSERT that drops the duplicates.
/// Awaits do not return to the caller's scheduler: a COPY takes two round trips, and behind a
/// busy partition grain's queue each one would wait its turn while callers wait for their ack.
/// </summary>
public sealed partial class PostgresEventLog(NpgsqlDataSource dataSource) : IEventLog
{
    private const string PrimaryKey = "pk_pql_event_log";

    private const string MessageIdIndex = "ux_pql_event_log_message_id";

    private const string CopySql = "COPY pql_event_log (partition, seq, message_id, user_id, payload) FROM STDIN (FORMAT BINARY)";

    // Deleted rows (retention, erasure) must not lower the last sequence: pql_event_log_deleted keeps the highest one.
    private const string LastSequenceSql = """
        SELECT GREATEST(
            (SELECT COALESCE(MAX(seq), 0) FROM pql_event_log WHERE partition = $1),
            (SELECT COALESCE(MAX(max_deleted_seq), 0) FROM pql_event_log_deleted WHERE partition = $1))
        """;

    private const string AppendSql = """
        INSERT INTO pql_event_log (partition, seq, message_id, user_id, payload)
        SELECT $1, e.seq, e.message_id, e.user_id, e.payload
        FROM unnest($2::bigint[], $3::text[], $4::text[], $5::bytea[]) AS e(seq, message_id, user_id, payload)
        ON CONFLICT (partition, message_id) DO NOTHING
        RETURNING seq
        """;

    private const string ReadPartitionSql = """
        SELECT seq, message_id, user_id, payload FROM pql_event_log
        WHERE partition = $1 AND seq > $2 ORDER BY seq LIMIT $3
        """;

    private const string ReadUserSql = """
        SELECT seq, message_id, user_id, payload FROM pql_event_log
        WHERE user_id = $1 AND partition = $2 AND seq > $3 ORDER BY seq
        """;

    public async Task<long> GetLastSequenceAsync(int partition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(LastSequenceSql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partition });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<LoggedEvent[]> AppendAsync(int partition, long firstSequence, IReadOnlyList<ScoringEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                return await CopyAsync(partition, firstSequence, events, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (IsUniqueViolationOf(exception, MessageIdIndex))
            {
                // The failed COPY wrote nothing. Appends without duplicates, nearly all of them,
                // skip the INSERT's per-row conflict check and its RETURNING rows.
                return await InsertSkippingDuplicatesAsync(partition, firstSequence, events, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PostgresException exception) when (IsUniqueViolationOf(exception, PrimaryKey))
        {
            throw new EventLogConflictException(partition, firstSequence, exception);
        }
    }

    private static bool IsUniqueViolationOf(PostgresException exception, string constraint) =>
        exception.SqlState == PostgresErrorCodes.UniqueViolation && exception.ConstraintName == constraint;

    private async Task<LoggedEvent[]> CopyAsync(int partition, long firstSequence, IReadOnlyList<ScoringEvent> events, CancellationToken cancellationToken)
    {
        var logged = new LoggedEvent[events.Count];
        using var payload = new MemoryStream(256);
        using var payloadWriter = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var import = await connection.BeginBinaryImportAsync(CopySql, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < logged.Length; i++)
        {
            var scoringEvent = events[i];
            var sequence = firstSequence + i;
            payload.SetLength(0);
            ScoringEventCodec.Write(payloadWriter, scoringEvent);
            payloadWriter.Flush();

            // The importer copies each value into its buffer, so one payload stream serves every row.
            await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(partition, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(sequence, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(scoringEvent.MessageId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(scoringEvent.UserId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(new ReadOnlyMemory<byte>(payload.GetBuffer(), 0, (int)payload.Length), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            logged[i] = new LoggedEvent(sequence, scoringEvent);
        }

        await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return logged;
    }

    private async Task<LoggedEvent[]> InsertSkippingDuplicatesAsync(int partition, long firstSequence, IReadOnlyList<ScoringEvent> events, CancellationToken cancellationToken)
    {
        var count = events.Count;
        var sequences = new long[count];
        var messageIds = new string[count];
        var userIds = new string[count];
        var payloads = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            sequences[i] = firstSequence + i;
            messageIds[i] = events[i].MessageId;
            userIds[i] = events[i].UserId;
            payloads[i] = ScoringEventCodec.Encode(events[i]);
        }

        await using var command = dataSource.CreateCommand(AppendSql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partition });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = sequences });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = messageIds });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = userIds });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        var logged = new List<LoggedEvent>(count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var sequence = reader.GetInt64(0);
                logged.Add(new LoggedEvent(sequence, events[(int)(sequence - firstSequence)]));
            }
        }

        // RETURNING order is not guaranteed; dispatch relies on sequence order.
        logged.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return [.. logged];
    }

    public async Task<IReadOnlyList<LoggedEvent>> ReadPartitionAsync(int partition, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReadPartitionSql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partition });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<LoggedEvent>> ReadUserAsync(int partition, string userId, long afterSequence, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReadUserSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = partition });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<LoggedEvent>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<LoggedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var messageId = reader.GetString(1);
            var scoringEvent = ScoringEventCodec.Decode(messageId, reader.GetString(2), reader.GetFieldValue<byte[]>(3));
            events.Add(new LoggedEvent(reader.GetInt64(0), scoringEvent));
        }

        return events;
    }
}
