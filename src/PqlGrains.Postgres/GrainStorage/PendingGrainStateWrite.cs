namespace PqlGrains.Postgres.GrainStorage;

/// <summary>One grain's state write waiting for its batch: the version it expects and the serialized state.</summary>
internal sealed class PendingGrainStateWrite(GrainId grainId, GrainStateKey key, int? expectedVersion, byte[] payload)
{
    private readonly TaskCompletionSource<int?> _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GrainId GrainId { get; } = grainId;

    public GrainStateKey Key { get; } = key;

    public int? ExpectedVersion { get; } = expectedVersion;

    public byte[] Payload { get; } = payload;

    /// <summary>The row's version after the batch committed; <see langword="null"/> or the expected version when another writer won.</summary>
    public Task<int?> Stored => _stored.Task;

    public void Complete(int? version) => _stored.TrySetResult(version);

    public void Fail(Exception exception) => _stored.TrySetException(exception);

    /// <summary>Withdrawn before any batch took it: nothing of it reached the database.</summary>
    public void Cancel(CancellationToken cancellationToken) => _stored.TrySetCanceled(cancellationToken);
}
