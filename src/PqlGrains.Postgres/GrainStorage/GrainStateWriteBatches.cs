using Npgsql;
using NpgsqlTypes;

namespace PqlGrains.Postgres.GrainStorage;

/// <summary>
/// Group commit for grain state writes: one statement, one transaction and one WAL flush carry every write that queued
/// while the previous batch was out, instead of a pooled connection, a round trip and a commit per write. Each row
/// still goes through <c>pql_write_grain_state</c>, so its optimistic concurrency check is the one a single write gets:
/// a row whose version moved comes back unchanged and fails only its own write. A write's task completes after the
/// batch committed, so a completed write is durable; a batch that fails (connection lost, server down) fails every
/// write in it, which may or may not have landed, as a single write whose commit was cut off.
/// </summary>
internal sealed class GrainStateWriteBatches(NpgsqlDataSource dataSource, string serviceId, int maxBatchSize)
{
    private const string WriteSql = """
        SELECT w.NewGrainStateVersion
        FROM unnest($1::integer[], $2::bigint[], $3::bigint[], $4::integer[], $5::text[], $6::text[], $7::integer[], $8::bytea[])
            WITH ORDINALITY AS i(id_hash, n0, n1, type_hash, state_name, extension, version, payload, ord)
        CROSS JOIN LATERAL pql_write_grain_state(
            i.id_hash, i.n0, i.n1, i.type_hash, i.state_name::varchar, i.extension::varchar, $9::varchar, i.version, i.payload) AS w
        ORDER BY i.ord
        """;

    private readonly Lock _lock = new();
    private List<PendingGrainStateWrite> _queued = [];
    private bool _writing;

    /// <summary>Queues the write; the task completes when its batch committed, with the row's new version.</summary>
    public Task<int?> WriteAsync(GrainStateKey key, int? expectedVersion, byte[] payload)
    {
        var write = new PendingGrainStateWrite(key, expectedVersion, payload);
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

        return write.Stored;
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
                var versions = await WriteBatchAsync(ordered).ConfigureAwait(false);
                for (var i = 0; i < ordered.Count; i++)
                {
                    ordered[i].Complete(versions[i]);
                }
            }
            catch (Exception exception)
            {
                foreach (var write in batch)
                {
                    write.Fail(exception);
                }
            }
        }
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

            if (_queued.Count <= maxBatchSize)
            {
                var all = _queued;
                _queued = [];
                return all;
            }

            var batch = _queued.GetRange(0, maxBatchSize);
            _queued.RemoveRange(0, maxBatchSize);
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
                $"Grain state batch of {count} writes returned {row} versions; the pql_write_grain_state function does not match this silo: run `pql db migrate`.");
        }

        return stored;
    }
}
