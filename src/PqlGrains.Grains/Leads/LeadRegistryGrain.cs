using Microsoft.Extensions.Options;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Grains.Storage;
using Orleans.Concurrency;

namespace PqlGrains.Grains.Leads;

/// <summary>
/// The bounded, cluster-wide lead listing. Leads are rare next to events (one per qualifying subject), so a single
/// activation is enough; it keeps summaries only, the full lead stays in its lead grain. Reentrant so that
/// a burst of lead updates shares whole-state writes (group commit) instead of serialising the listing once
/// per update, which grew with the square of the lead count; queued writes are spaced by
/// <see cref="LeadRegistryOptions.WriteSpacing"/> so a surge of new leads does not spend a core re-serialising the listing. Turns change <see cref="_live"/>; each write stores
/// a copy taken on the grain's scheduler, because storage providers may serialise off it while later turns run.
/// </summary>
[Reentrant]
public sealed class LeadRegistryGrain : Grain, ILeadRegistryGrain
{
    private readonly IPersistentState<LeadRegistryState> _state;
    private readonly LeadRegistryOptions _options;
    private readonly CoalescedStateWrites _writes;
    private LeadRegistryState _live = new();
    private int _pruneAbove;

    public LeadRegistryGrain(
        [PersistentState("lead-registry", PqlStorageNames.Grains)] IPersistentState<LeadRegistryState> state,
        IOptions<LeadRegistryOptions> options)
    {
        _state = state;
        _options = options.Value;
        _writes = new CoalescedStateWrites(
            () =>
            {
                _state.State = _live.Copy();
                return _state.WriteStateAsync();
            },
            _options.WriteSpacing);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _live = _state.State;
        return Task.CompletedTask;
    }

    public Task Upsert(LeadSummary lead)
    {
        var leads = _live.Leads;
        leads[lead.LeadId] = lead;
        if (leads.Count > Math.Max(_pruneAbove, _options.ClosedLeads))
        {
            PruneClosed(leads);
        }

        return _writes.SaveAsync();
    }

    /// <summary>
    /// Drops the oldest closed leads beyond the limit. It scans every lead, so it runs again only after the
    /// listing grew by a tenth: amortised constant work per update, at most 10% over the limit in between.
    /// </summary>
    private void PruneClosed(Dictionary<string, LeadSummary> leads)
    {
        var closed = leads.Values.Where(summary => !summary.Status.IsOpen()).ToList();
        foreach (var oldest in closed.OrderBy(summary => summary.UpdatedAt).Take(Math.Max(0, closed.Count - _options.ClosedLeads)))
        {
            leads.Remove(oldest.LeadId);
        }

        _pruneAbove = leads.Count + Math.Max(64, _options.ClosedLeads / 10);
    }

    public Task<LeadPage> List(bool openOnly, int offset, int limit)
    {
        var matching = _live.Leads.Values
            .Where(summary => !openOnly || summary.Status.IsOpen())
            .OrderByDescending(summary => summary.OpenedAt)
            .ThenBy(summary => summary.LeadId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new LeadPage([.. matching.Skip(offset).Take(limit)], matching.Count, offset));
    }

    public Task RecordDeadLetter(DeadLetter deadLetter) => Append(_live.DeadLetters, deadLetter, _options.DeadLetters);

    public Task<DeadLetter[]> DeadLetters(int offset, int limit) =>
        Task.FromResult<DeadLetter[]>([.. Enumerable.Reverse(_live.DeadLetters).Skip(offset).Take(limit)]);

    public Task RecordConversion(Conversion conversion) => Append(_live.Conversions, conversion, _options.Conversions);

    public Task<Conversion[]> Conversions(int offset, int limit) =>
        Task.FromResult<Conversion[]>([.. Enumerable.Reverse(_live.Conversions).Skip(offset).Take(limit)]);

    private Task Append<T>(List<T> list, T item, int capacity)
    {
        list.Add(item);
        if (list.Count > capacity)
        {
            list.RemoveRange(0, list.Count - capacity);
        }

        return _writes.SaveAsync();
    }
}
