using Orleans.Concurrency;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Grains.Storage;
using PqlGrains.Routing.Assignment;

namespace PqlGrains.Grains.Routing;

/// <summary>
/// One pool: the single place its round-robin cursor changes. Capacity is the rep's, not the pool's: before a lead
/// counts against a member the pool reserves it in the member's <see cref="IRepWorkloadGrain"/>, so a rep in several
/// pools is at capacity in all of them at once. Assigning a lead the pool already holds returns the same rep (a
/// retried call is harmless).
/// <para>
/// Reentrant, because a surge of new leads queued here one at a time behind each assignment's ledger call and
/// whole-state write: each decision and cursor move still happens in one synchronous step, the ledgers still decide
/// capacity, calls about the same lead still run one after another, and assignments that overlap share a state
/// write (group commit) that stores a copy taken on the grain's scheduler.
/// </para>
/// </summary>
[Reentrant]
public sealed class PoolGrain : Grain, IPoolGrain
{
    private readonly IPersistentState<PoolState> _state;
    private readonly RoutingSnapshots _routing;
    private readonly TimeProvider _time;
    private readonly CoalescedStateWrites _writes;
    // The call in progress for each lead; a second call about that lead waits for it.
    private readonly Dictionary<string, Task> _busyLeads = new(StringComparer.Ordinal);
    private PoolState _live = new();

    public PoolGrain(
        [PersistentState("pool", PqlStorageNames.Grains)] IPersistentState<PoolState> state,
        RoutingSnapshots routing,
        TimeProvider time)
    {
        _state = state;
        _routing = routing;
        _time = time;
        _writes = new CoalescedStateWrites(() =>
        {
            _state.State = _live.Copy();
            return _state.WriteStateAsync();
        });
    }

    private string PoolId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _live = _state.State;
        if (_live.LedgerSynced || !_state.RecordExists)
        {
            _live.LedgerSynced = true;
            return;
        }

        // Pools that counted their own leads before the rep ledgers existed hand those leads over once.
        await Task.WhenAll(_live.OpenLeads
            .Where(pair => pair.Value.Count > 0)
            .Select(pair => Ledger(pair.Key).Hold([.. pair.Value])));
        _live.LedgerSynced = true;
        await _state.WriteStateAsync(cancellationToken);
    }

    public Task<PoolPick> Assign(string leadId, string? excludedRepId, int? routingRevision = null) =>
        OneAtATimeAsync(leadId, () => AssignAsync(leadId, excludedRepId, routingRevision));

    public Task Release(string leadId) => OneAtATimeAsync(leadId, async () =>
    {
        if (HolderOf(leadId) is { } holder)
        {
            await ReleaseAsync(leadId, holder);
            await _writes.SaveAsync();
        }

        return true;
    });

    public Task<Dictionary<string, int>> Workload() =>
        Task.FromResult(_live.OpenLeads.ToDictionary(pair => pair.Key, pair => pair.Value.Count, StringComparer.Ordinal));

    private async Task<PoolPick> AssignAsync(string leadId, string? excludedRepId, int? routingRevision)
    {
        var configuration = await _routing.AtLeastAsync(routingRevision);
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
        // assignment runs again from the same cursor, so it is skipped with its real workload; each refusal rules one
        // member out. The cursor moves with every decision, before the ledger call, so overlapping assignments
        // rotate through the members as if they had come one after another.
        var workload = new Dictionary<string, int>(StringComparer.Ordinal);
        var cursor = _live.Cursor;
        AssignmentDecision decision;
        while (true)
        {
            decision = PoolAssignment.Assign(AssignmentRequest.For(configuration, pool, workload, _time.GetUtcNow(), cursor, excludedRepId));
            _live.Cursor = decision.NextCursor;
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

        await _writes.SaveAsync();
        return new PoolPick(PoolId, decision.Rep?.Id, decision.Overflow?.Queue, decision.Overflow?.ManagerId, decision.Explanation);
    }

    /// <summary>Runs the calls about one lead one after another (a retried assignment sees the first one's rep).</summary>
    private async Task<T> OneAtATimeAsync<T>(string leadId, Func<Task<T>> call)
    {
        while (_busyLeads.TryGetValue(leadId, out var busy))
        {
            await busy;
        }

        var done = new TaskCompletionSource();
        _busyLeads[leadId] = done.Task;
        try
        {
            return await call();
        }
        finally
        {
            _busyLeads.Remove(leadId);
            done.SetResult();
        }
    }

    private IRepWorkloadGrain Ledger(string repId) => GrainFactory.GetGrain<IRepWorkloadGrain>(repId);

    private HashSet<string> Holding(string repId)
    {
        if (!_live.OpenLeads.TryGetValue(repId, out var leads))
        {
            _live.OpenLeads[repId] = leads = new HashSet<string>(StringComparer.Ordinal);
        }

        return leads;
    }

    private string? HolderOf(string leadId) =>
        _live.OpenLeads.FirstOrDefault(pair => pair.Value.Contains(leadId)).Key;

    /// <summary>The ledger first: a failure leaves the lead in this pool, so the caller's retry releases it again.</summary>
    private async Task ReleaseAsync(string leadId, string repId)
    {
        await Ledger(repId).Release(leadId);
        _live.OpenLeads[repId].Remove(leadId);
    }
}
