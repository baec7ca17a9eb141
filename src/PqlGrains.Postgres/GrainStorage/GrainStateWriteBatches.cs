using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace PqlGrains.Postgres.GrainStorage;

/// <summary>
/// Group commit for grain state writes: one statement, one transaction and one WAL flush carry every write that queued
/// while the previous batch was out, instead of a pooled connection, a round trip and a commit per write. Each row
/// still goes through <c>pql_store_grain_state</c> (schema 6; <c>pql_write_grain_state</c>'s check as a plain function), so its
/// optimistic concurrency check is the one a single write gets:
/// a row whose version moved comes back unchanged and fails only its own write. A write's task completes after the
/// batch committed, so a completed write is durable.
/// <para>
/// Isolation: a batch PostgreSQL rejects for its data (SQLSTATE class 22 or 23: a value a column refuses, a constraint
/// a row breaks) rolled back whole, so nothing of it was written; it is split in halves, each retried as a batch of its
/// own, down to the one write at fault, which alone fails (<see cref="GrainStateRejectedException"/>). Every other
/// write lands exactly once with its true version. A batch that fails otherwise (connection lost, server down) fails
/// every write in it, which may or may not have landed, as a single write whose commit was cut off.
/// </para>
/// </summary>
internal sealed partial class GrainStateWriteBatches(NpgsqlDataSource dataSource, string serviceId, int maxBatchSize, ILogger logger)
{
    private const string WriteSql = """
        SELECT pql_store_grain_state(
            i.id_hash, i.n0, i.n1, i.type_hash, i.state_name::varchar, i.extension::varchar, $9::varchar, i.version, i.payload)
        FROM unnest($1::integer[], $2::bigint[], $3::bigint[], $4::integer[], $5::text[], $6::text[], $7::integer[], $8::bytea[])
            WITH ORDINALITY AS i(id_hash, n0, n1, type_hash, state_name, extension, version, payload, ord)
        ORDER BY i.ord
        """;

    private readonly Lock _lock = new();
    private List<PendingGrainStateWrite> _queued = [];
    private bool _writing;

    /// <summary>
    /// Queues the write; the task completes when its batch committed, with the row's new version. Cancelled while
    /// still queued, the write is withdrawn and never reaches the database; once a batch took it, it runs to its
    /// outcome whatever the token says, so the caller never mistakes a stored write for one that was not.
    /// </summary>
    public Task<int?> WriteAsync(GrainId grainId, GrainStateKey key, int? expectedVersion, byte[] payload, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<int?>(cancellationToken);
        }

        var write = new PendingGrainStateWrite(grainId, key, expectedVersion, payload);
        bool start;
        lock (_lock)
        {
            _queued.Add(write);
            start = !_writing;
            _writing = true;
        }

        if (start)
        {
            // Off the calling grain's scheduler: the batch loop serves every grain of the silo.
            _ = Task.Run(WriteQueuedAsync);
        }

        return cancellationToken.CanBeCanceled ? WithdrawnOnCancellationAsync(write, cancellationToken) : write.Stored;
    }

    private async Task<int?> WithdrawnOnCancellationAsync(PendingGrainStateWrite write, CancellationToken cancellationToken)
    {
        using var withdrawal = cancellationToken.UnsafeRegister(
            static (state, token) =>
            {
                var (batches, queued) = ((GrainStateWriteBatches, PendingGrainStateWrite))state!;
                batches.Withdraw(queued, token);
            },
            (this, write));
        return await write.Stored.ConfigureAwait(false);
    }

    private void Withdraw(PendingGrainStateWrite write, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_queued.Remove(write))
            {
                return;
            }
        }

        write.Cancel(cancellationToken);
    }

    private async Task WriteQueuedAsync()
    {
        while (TakeBatch() is { } batch)
        {
            try
            {
                // Rows in one order on every silo: two silos' batches touching the same rows (a grain briefly active
                // on both) wait for each other instead of deadlocking. The sort is stable: one grain's writes keep their order.
                var ordered = batch.OrderBy(static write => write.Key, GrainStateKeyOrder.Instance).ToList();
                await WriteIsolatingRejectedAsync(ordered, isolating: false).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // Writes an earlier part of an isolated batch stored keep their outcome: a completed task stays completed.
                foreach (var write in batch)
                {
                    write.Fail(exception);
                }
            }
        }
    }

    /// <summary>Writes the rows; a data or constraint error splits them until it is pinned on one write.</summary>
    private async Task WriteIsolatingRejectedAsync(List<PendingGrainStateWrite> rows, bool isolating)
    {
        int?[] versions;
        try
        {
            versions = await WriteBatchAsync(rows).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (IsRowRejection(exception))
        {
            if (rows.Count == 1)
            {
                rows[0].Fail(Rejected(rows[0], exception));
                return;
            }

            if (!isolating)
            {
                LogIsolating(exception.SqlState, rows.Count);
            }

            // In order: one grain's writes split across the halves still land first to last.
            var half = rows.Count / 2;
            await WriteIsolatingRejectedAsync(rows[..half], isolating: true).ConfigureAwait(false);
            await WriteIsolatingRejectedAsync(rows[half..], isolating: true).ConfigureAwait(false);
            return;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Complete(versions[i]);
        }
    }

    /// <summary>Class 22 (data exception) and 23 (integrity constraint violation) are about a row's values, not the connection.</summary>
    private static bool IsRowRejection(PostgresException exception) =>
        exception.SqlState.StartsWith("22", StringComparison.Ordinal) || exception.SqlState.StartsWith("23", StringComparison.Ordinal);

    private static GrainStateRejectedException Rejected(PendingGrainStateWrite write, PostgresException exception)
    {
        var constraint = exception.ConstraintName is { } name ? $", constraint {name}" : "";
        var fix = exception.SqlState == PostgresErrorCodes.NumericValueOutOfRange
            ? "its row's Version cannot go past 2147483647: reset that row's Version in OrleansStorage, after which the grain reactivates and reads it"
            : "fix the value or the constraint PostgreSQL names; retried unchanged it fails again";
        return new GrainStateRejectedException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Grain state '{write.Key.StateName}' of {write.GrainId} was not saved: PostgreSQL rejected its row (SQLSTATE {exception.SqlState}: {exception.MessageText}{constraint}). The other saves of its batch were stored. To fix: {fix}."),
            exception);
    }

    private List<PendingGrainStateWrite>? TakeBatch()
    {
        lock (_lock)
        {
            if (_queued.Count == 0)
            {
                _writing = false;
                return null;
            }

            // A statement's parameters are capped at 1 GB: large states go out in smaller batches, never one over the cap.
            var count = 0;
            long bytes = 0;
            while (count < _queued.Count && count < maxBatchSize
                && (count == 0 || bytes + _queued[count].Payload.Length <= GrainStateRowLimits.MaxBatchPayloadBytes))
            {
                bytes += _queued[count].Payload.Length;
                count++;
            }

            if (count == _queued.Count)
            {
                var all = _queued;
                _queued = [];
                return all;
            }

            var batch = _queued.GetRange(0, count);
            _queued.RemoveRange(0, count);
            return batch;
        }
    }

    private async Task<int?[]> WriteBatchAsync(List<PendingGrainStateWrite> batch)
    {
        var count = batch.Count;
        var idHashes = new int[count];
        var n0 = new long[count];
        var n1 = new long[count];
        var typeHashes = new int[count];
        var stateNames = new string[count];
        var extensions = new string?[count];
        var versions = new int?[count];
        var payloads = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var write = batch[i];
            idHashes[i] = write.Key.IdHash;
            n0[i] = write.Key.N0;
            n1[i] = write.Key.N1;
            typeHashes[i] = write.Key.TypeHash;
            stateNames[i] = write.Key.StateName;
            extensions[i] = write.Key.Extension;
            versions[i] = write.ExpectedVersion;
            payloads[i] = write.Payload;
        }

        await using var command = dataSource.CreateCommand(WriteSql);
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = idHashes });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = n0 });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = n1 });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = typeHashes });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = stateNames });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = extensions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int?[]> { TypedValue = versions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });

        var stored = new int?[count];
        var row = 0;
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            stored[row++] = reader.IsDBNull(0) ? null : reader.GetInt32(0);
        }

        if (row != count)
        {
            throw new InvalidOperationException(
                $"Grain state batch of {count} writes returned {row} versions; the pql_store_grain_state function does not match this silo: run `pql db migrate`.");
        }

        return stored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL rejected a grain state batch of {Count} writes (SQLSTATE {SqlState}); writing it in halves to isolate the rejected write")]
    private partial void LogIsolating(string sqlState, int count);
}
