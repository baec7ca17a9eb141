using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace PqlGrains.Postgres.GrainStorage;

/// <summary>
/// Orleans grain storage in the <c>OrleansStorage</c> table of the ADO.NET provider, with the same rows, hashes and
/// versions (ETags), so either provider reads what the other wrote. Writes are group-committed
/// (<see cref="GrainStateWriteBatches"/>): under ingest load lead, account, user and outbox saves arrive hundreds a
/// second, and one statement per batch replaces a pooled connection, a round trip and a commit per save. One bad save
/// does not sink its batch-mates: a row no column can hold is refused before it joins a batch, and one PostgreSQL
/// rejects inside a batch is isolated there; either fails alone with <see cref="GrainStateRejectedException"/>.
/// </summary>
public sealed partial class PostgresGrainStorage : IGrainStorage
{
    private const string ReadSql = """
        SELECT PayloadBinary, Version FROM OrleansStorage
        WHERE GrainIdHash = $1 AND GrainTypeHash = $2 AND GrainIdN0 = $3 AND GrainIdN1 = $4
          AND GrainTypeString = $5 AND GrainIdExtensionString IS NOT DISTINCT FROM $6 AND ServiceId = $7
        """;

    private const string ClearSql = """
        UPDATE OrleansStorage SET PayloadBinary = NULL, Version = Version + 1
        WHERE GrainIdHash = $1 AND GrainTypeHash = $2 AND GrainIdN0 = $3 AND GrainIdN1 = $4
          AND GrainTypeString = $5 AND GrainIdExtensionString IS NOT DISTINCT FROM $6 AND ServiceId = $7
          AND Version = $8
        RETURNING Version
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<PostgresGrainStorage> _logger;
    private readonly GrainStateWriteBatches _writes;

    /// <summary>Most writes one statement carries (about 1-2 KB each); more wait for the next batch.</summary>
    public const int DefaultMaxBatchSize = 256;

    public PostgresGrainStorage(
        NpgsqlDataSource dataSource,
        string serviceId,
        IGrainStorageSerializer serializer,
        IActivatorProvider activators,
        ILogger<PostgresGrainStorage> logger,
        int maxBatchSize = DefaultMaxBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        // Every row carries the service id: one the column refuses would fail every batch, so refuse it at start.
        if (GrainStateRowLimits.ServiceIdViolation(serviceId) is { } violation)
        {
            throw new ArgumentException($"PostgreSQL grain storage cannot store service id '{serviceId}': {violation}.", nameof(serviceId));
        }

        _dataSource = dataSource;
        _serviceId = serviceId;
        _serializer = serializer;
        _activators = activators;
        _logger = logger;
        _writes = new GrainStateWriteBatches(dataSource, serviceId, maxBatchSize, logger);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <summary>Cancelled, the read stops (PostgreSQL cancels the statement) and leaves <paramref name="grainState"/> as it was.</summary>
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = GrainStateKey.For(stateName, grainId);
        try
        {
            await using var command = CreateKeyedCommand(ReadSql, key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            byte[]? payload = null;
            int? version = null;
            if (await reader.ReadAsync(cancellationToken))
            {
                payload = reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
                version = reader.IsDBNull(1) ? null : reader.GetInt32(1);
            }

            grainState.State = payload is null ? Create<T>() : _serializer.Deserialize<T>(new BinaryData(payload));
            grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = payload is not null;
        }
        catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
        {
            LogFailed(exception, "read", stateName, grainId);
            throw;
        }
    }

    /// <summary>
    /// Cancelled while queued, the save is withdrawn (nothing written, <paramref name="grainState"/> unchanged); once
    /// its batch is out it completes or fails with the batch, never half-applied.
    /// </summary>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = GrainStateKey.For(stateName, grainId);
        var expected = ParseETag(grainState.ETag);
        // Serialized now, not when the batch goes out: the grain may change its state while the write is queued.
        var payload = PayloadOf(_serializer.Serialize(grainState.State));
        int? stored;
        try
        {
            if (GrainStateRowLimits.Violation(key, payload.Length) is { } violation)
            {
                throw new GrainStateRejectedException($"Grain state '{stateName}' of {grainId} cannot be saved: {violation}. It was refused before joining a batch, so no other save was affected.");
            }

            stored = await _writes.WriteAsync(grainId, key, expected, payload, cancellationToken);
        }
        catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
        {
            LogFailed(exception, "write", stateName, grainId);
            throw;
        }

        // The function returns the caller's version unchanged (or no version for a lost insert) when another writer won.
        if (stored is null || stored == expected)
        {
            throw Conflict("WriteState", stateName, grainId, grainState.ETag);
        }

        grainState.ETag = stored.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <summary>Cancelled, PostgreSQL cancels the one-statement clear: the row and <paramref name="grainState"/> stay as they were.</summary>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            await ReadStateAsync(stateName, grainId, grainState, cancellationToken);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        var key = GrainStateKey.For(stateName, grainId);
        int? stored;
        try
        {
            await using var command = CreateKeyedCommand(ClearSql, key);
            command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = ParseETag(grainState.ETag), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
            stored = await command.ExecuteScalarAsync(cancellationToken) is int version ? version : null;
        }
        catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
        {
            LogFailed(exception, "clear", stateName, grainId);
            throw;
        }

        if (stored is null)
        {
            throw Conflict("ClearState", stateName, grainId, grainState.ETag);
        }

        grainState.ETag = stored.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = false;
        grainState.State = Create<T>();
    }

    private NpgsqlCommand CreateKeyedCommand(string sql, GrainStateKey key)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = key.IdHash });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = key.TypeHash });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key.N0 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key.N1 });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.StateName });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = key.Extension, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        return command;
    }

    /// <summary>The serialized state as one array: a serializer's whole array is taken as is (the silo's is), a part of one copied.</summary>
    private static byte[] PayloadOf(BinaryData serialized) =>
        MemoryMarshal.TryGetArray(serialized.ToMemory(), out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : serialized.ToArray();

    /// <summary>The caller's own cancellation is an outcome it asked for, not a storage failure to log.</summary>
    private static bool IsCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private static int? ParseETag(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null : int.Parse(etag, CultureInfo.InvariantCulture);

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"Version conflict ({operation}): ServiceId={_serviceId} State={stateName} GrainId={grainId} ETag={etag}: another activation wrote this state; the grain reactivates and reads it again.");

    private T Create<T>() => _activators.GetActivator<T>().Create();

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain state {Operation} failed for {StateName} of {GrainId}")]
    private partial void LogFailed(Exception exception, string operation, string stateName, GrainId grainId);
}
