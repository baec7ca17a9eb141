using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace PqlGrains.Postgres.GrainStorage;

/// <summary>
/// Orleans grain storage in the <c>OrleansStorage</c> table of the ADO.NET provider, with the same rows, hashes and
/// versions (ETags), so either provider reads what the other wrote. Writes are group-committed
/// (<see cref="GrainStateWriteBatches"/>): under ingest load lead, account, user and outbox saves arrive hundreds a
/// second, and one statement per batch replaces a pooled connection, a round trip and a commit per save.
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
        _dataSource = dataSource;
        _serviceId = serviceId;
        _serializer = serializer;
        _activators = activators;
        _logger = logger;
        _writes = new GrainStateWriteBatches(dataSource, serviceId, maxBatchSize);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = GrainStateKey.For(stateName, grainId);
        try
        {
            await using var command = CreateKeyedCommand(ReadSql, key);
            await using var reader = await command.ExecuteReaderAsync();
            byte[]? payload = null;
            int? version = null;
            if (await reader.ReadAsync())
            {
                payload = reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
                version = reader.IsDBNull(1) ? null : reader.GetInt32(1);
            }

            grainState.State = payload is null ? Create<T>() : _serializer.Deserialize<T>(new BinaryData(payload));
            grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = payload is not null;
        }
        catch (Exception exception)
        {
            LogFailed(exception, "read", stateName, grainId);
            throw;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = GrainStateKey.For(stateName, grainId);
        var expected = ParseETag(grainState.ETag);
        // Serialized now, not when the batch goes out: the grain may change its state while the write is queued.
        var payload = _serializer.Serialize(grainState.State).ToArray();
        int? stored;
        try
        {
            stored = await _writes.WriteAsync(key, expected, payload);
        }
        catch (Exception exception)
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

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            await ReadStateAsync(stateName, grainId, grainState);
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
            stored = await command.ExecuteScalarAsync() is int version ? version : null;
        }
        catch (Exception exception)
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

    private static int? ParseETag(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null : int.Parse(etag, CultureInfo.InvariantCulture);

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"Version conflict ({operation}): ServiceId={_serviceId} State={stateName} GrainId={grainId} ETag={etag}: another activation wrote this state; the grain reactivates and reads it again.");

    private T Create<T>() => _activators.GetActivator<T>().Create();

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain state {Operation} failed for {StateName} of {GrainId}")]
    private partial void LogFailed(Exception exception, string operation, string stateName, GrainId grainId);
}
