using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core;
using Orleans.Storage;

namespace PqlGrains.Grains.Storage;

/// <summary>
/// A grain's persistent state read and written straight through its named <see cref="IGrainStorage"/>, under the same
/// state name and grain id as Orleans' <c>[PersistentState]</c> facet (rows stay where they are). The facet subscribes
/// to the grain lifecycle and to migration, which gives every activation a lifecycle object, its observer arrays and
/// the facet (~400 bytes per active user grain, measured); grains that exist by the hundred thousand use this instead.
/// The grain calls <see cref="ReadStateAsync()"/> first thing in <c>OnActivateAsync</c>, and runs one storage
/// operation at a time (it is not reentrant and awaits each). Not carried along: the facet's storage metrics and
/// traces, and state hand-over on migration (a migrated grain reads what its deactivation saved).
/// </summary>
internal sealed class LeanPersistentState<TState> : IPersistentState<TState>, IGrainState<TState>
    where TState : new()
{
    private readonly IGrainContext _grain;
    private readonly IGrainStorage _storage;
    private readonly string _stateName;
    private bool _read;

    private LeanPersistentState(IGrainContext grain, IGrainStorage storage, string stateName)
    {
        _grain = grain;
        _storage = storage;
        _stateName = stateName;
    }

    /// <summary>Never null: storage that found no record may set none, and the grain then starts from a new state, as with the facet.</summary>
    [AllowNull]
    public TState State { get; set => field = value ?? new TState(); } = new();

    public string? ETag { get; set; }

    string? IStorage.Etag => ETag;

    public bool RecordExists
    {
        get => _read ? field : throw new InvalidOperationException($"State \"{_stateName}\" of {_grain.GrainId} is read in OnActivateAsync: call ReadStateAsync before using it.");
        set;
    }

    /// <summary>The state of <paramref name="grain"/> named <paramref name="stateName"/> in the grain storage named <paramref name="storageName"/>.</summary>
    public static LeanPersistentState<TState> Create(IGrainContext grain, string stateName, string storageName)
    {
        var storage = grain.ActivationServices.GetKeyedService<IGrainStorage>(storageName)
            ?? throw new InvalidOperationException(
                $"No grain storage named \"{storageName}\" is registered, needed by {grain.GrainId.Type} for its \"{stateName}\" state: register it in the silo (Pql:Storage selects Memory or Postgres).");
        return new LeanPersistentState<TState>(grain, storage, stateName);
    }

    public Task ReadStateAsync() => ReadStateAsync(CancellationToken.None);

    public async Task ReadStateAsync(CancellationToken cancellationToken)
    {
        await _storage.ReadStateAsync(_stateName, _grain.GrainId, this, cancellationToken);
        _read = true;
    }

    public Task WriteStateAsync() => WriteStateAsync(CancellationToken.None);

    public Task WriteStateAsync(CancellationToken cancellationToken) => _storage.WriteStateAsync(_stateName, _grain.GrainId, this, cancellationToken);

    public Task ClearStateAsync() => ClearStateAsync(CancellationToken.None);

    public async Task ClearStateAsync(CancellationToken cancellationToken)
    {
        await _storage.ClearStateAsync(_stateName, _grain.GrainId, this, cancellationToken);
        State = new TState();
    }
}
