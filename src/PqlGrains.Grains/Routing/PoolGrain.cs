using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Routing.Assignment;

namespace PqlGrains.Grains.Routing;

/// <summary>
/// One pool: the single place its round-robin cursor changes. Capacity is the rep's, not the pool's: before a lead
/// counts against a member the pool reserves it in the member's <see cref="IRepWorkloadGrain"/>, so a rep in several
/// pools is at capacity in all of them at once. Assigning a lead the pool already holds returns the same rep (a
/// retried call is harmless).
/// </summary>
public sealed class PoolGrain(
    [PersistentState("pool", PqlStorageNames.Grains)] IPersistentState<PoolState> state,
    RoutingSnapshots routing,
    TimeProvider time) : Grain, IPoolGrain
{
    private string PoolId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.LedgerSynced || !state.RecordExists)
        {
            state.State.LedgerSynced = true;
            return;
        }

        // Pools that counted their own leads before the rep ledgers existed hand those leads over once.
        await Task.WhenAll(state.State.OpenLeads
            .Where(pair => pair.Value.Count > 0)
            .Select(pair => Ledger(pair.Key).Hold([.. pair.Value])));
        state.State.LedgerSynced = true;
        await state.WriteStateAsync(cancellationToken);
    }

    public async Task<PoolPick> Assign(string leadId, string? excludedRepId, int? routingRevision = null)
    {
        var configuration = await routing.AtLeastAsync(routingRevision);
        var pool = configuration.FindPool(PoolId)
            ?? throw new InvalidOperationException($"Pool '{PoolId}' is not in routing file version {configuration.Version}; add it under pools or fix the rule that names it.");

        if (HolderOf(leadId) is { } holder)
        {
            if (holder != excludedRepId)
            {
                return new PoolPick(PoolId, holder, null, null, $"Pool {PoolId} already assigned this lead to {holder}.");
            }

            await ReleaseAsync(leadId, holder);
        }

        // The ledgers decide capacity. A member that refuses is recorded at the count it reported and the pure
        // assignment runs again, so it is skipped with its real workload; each refusal rules one member out.
        var workload = new Dictionary<string, int>(StringComparer.Ordinal);
        AssignmentDecision decision;
        while (true)
        {
            decision = PoolAssignment.Assign(AssignmentRequest.For(configuration, pool, workload, time.GetUtcNow(), state.State.Cursor, excludedRepId));
            if (decision.Rep is not { } candidate)
            {
                break;
            }

            var reservation = await Ledger(candidate.Id).Reserve(leadId, candidate.Capacity);
            if (reservation.Reserved)
            {
                Holding(candidate.Id).Add(leadId);
                break;
            }

            workload[candidate.Id] = Math.Max(reservation.Open, candidate.Capacity);
        }

        state.State.Cursor = decision.NextCursor;
        await state.WriteStateAsync();
        return new PoolPick(PoolId, decision.Rep?.Id, decision.Overflow?.Queue, decision.Overflow?.ManagerId, decision.Explanation);
    }

    public async Task Release(string leadId)
    {
        if (HolderOf(leadId) is { } holder)
        {
            await ReleaseAsync(leadId, holder);
            await state.WriteStateAsync();
        }
    }

    public Task<Dictionary<string, int>> Workload() =>
        Task.FromResult(state.State.OpenLeads.ToDictionary(pair => pair.Key, pair => pair.Value.Count, StringComparer.Ordinal));

    private IRepWorkloadGrain Ledger(string repId) => GrainFactory.GetGrain<IRepWorkloadGrain>(repId);

    private HashSet<string> Holding(string repId)
    {
        if (!state.State.OpenLeads.TryGetValue(repId, out var leads))
        {
            state.State.OpenLeads[repId] = leads = new HashSet<string>(StringComparer.Ordinal);
        }

        return leads;
    }

    private string? HolderOf(string leadId) =>
        state.State.OpenLeads.FirstOrDefault(pair => pair.Value.Contains(leadId)).Key;

    /// <summary>The ledger first: a failure leaves the lead in this pool, so the caller's retry releases it again.</summary>
    private async Task ReleaseAsync(string leadId, string repId)
    {
        await Ledger(repId).Release(leadId);
        state.State.OpenLeads[repId].Remove(leadId);
    }
}
