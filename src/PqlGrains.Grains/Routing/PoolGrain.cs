using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Routing.Assignment;

namespace PqlGrains.Grains.Routing;

/// <summary>
/// One pool: the single place its round-robin cursor and its members' workloads change, which makes assignment
/// race-free across silos. Assigning a lead the pool already holds returns the same rep (a retried call is harmless).
/// </summary>
public sealed class PoolGrain(
    [PersistentState("pool", PqlStorageNames.Grains)] IPersistentState<PoolState> state,
    RoutingSnapshots routing,
    TimeProvider time) : Grain, IPoolGrain
{
    private string PoolId => this.GetPrimaryKeyString();

    public async Task<PoolPick> Assign(string leadId, string? excludedRepId)
    {
        var configuration = await routing.CurrentAsync();
        var pool = configuration.FindPool(PoolId)
            ?? throw new InvalidOperationException($"Pool '{PoolId}' is not in routing file version {configuration.Version}; add it under pools or fix the rule that names it.");

        if (HolderOf(leadId) is { } holder && holder != excludedRepId)
        {
            return new PoolPick(PoolId, holder, null, null, $"Pool {PoolId} already assigned this lead to {holder}.");
        }

        Remove(leadId);
        var workload = state.State.OpenLeads.ToDictionary(pair => pair.Key, pair => pair.Value.Count, StringComparer.Ordinal);
        var decision = PoolAssignment.Assign(AssignmentRequest.For(configuration, pool, workload, time.GetUtcNow(), state.State.Cursor, excludedRepId));
        state.State.Cursor = decision.NextCursor;
        if (decision.Rep is { } rep)
        {
            if (!state.State.OpenLeads.TryGetValue(rep.Id, out var leads))
            {
                state.State.OpenLeads[rep.Id] = leads = new HashSet<string>(StringComparer.Ordinal);
            }

            leads.Add(leadId);
        }

        await state.WriteStateAsync();
        return new PoolPick(PoolId, decision.Rep?.Id, decision.Overflow?.Queue, decision.Overflow?.ManagerId, decision.Explanation);
    }

    public async Task Release(string leadId)
    {
        if (Remove(leadId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<Dictionary<string, int>> Workload() =>
        Task.FromResult(state.State.OpenLeads.ToDictionary(pair => pair.Key, pair => pair.Value.Count, StringComparer.Ordinal));

    private string? HolderOf(string leadId) =>
        state.State.OpenLeads.FirstOrDefault(pair => pair.Value.Contains(leadId)).Key;

    private bool Remove(string leadId)
    {
        var removed = false;
        foreach (var leads in state.State.OpenLeads.Values)
        {
            removed |= leads.Remove(leadId);
        }

        return removed;
    }
}
