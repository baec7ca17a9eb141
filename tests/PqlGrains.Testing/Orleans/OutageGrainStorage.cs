using System.Collections.Concurrent;
using Orleans.Storage;

namespace PqlGrains.Testing.Orleans;

/// <summary>
/// Grain storage that passes through to another until a test takes some states down, as if their database were
/// unreachable: every read, write and clear of those state names then throws, until <see cref="Recover"/>.
/// </summary>
public sealed class OutageGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<string, bool> _down = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _refused = new(StringComparer.Ordinal);

    /// <summary>Makes every operation on states named <paramref name="stateName"/> fail.</summary>
    public void Fail(string stateName) => _down[stateName] = true;

    /// <summary>Ends every outage.</summary>
    public void Recover() => _down.Clear();

    /// <summary>Operations on states named <paramref name="stateName"/> that failed because of an outage.</summary>
    public int Refused(string stateName) => _refused.GetValueOrDefault(stateName);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Available(stateName, grainId) ?? inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Available(stateName, grainId) ?? inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Available(stateName, grainId) ?? inner.ClearStateAsync(stateName, grainId, grainState);

    private Task? Available(string stateName, GrainId grainId)
    {
        if (!_down.ContainsKey(stateName))
        {
            return null;
        }

        _refused.AddOrUpdate(stateName, 1, static (_, count) => count + 1);
        return Task.FromException(new IOException($"Grain storage is down for the \"{stateName}\" state of {grainId} (a test outage; OutageGrainStorage.Recover ends it)."));
    }
}
