using Microsoft.Extensions.Options;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Leads;

/// <summary>
/// The bounded, cluster-wide lead listing. Leads are rare next to events (one per qualifying subject), so a single
/// activation is enough; it keeps summaries only, the full lead stays in its lead grain.
/// </summary>
public sealed class LeadRegistryGrain(
    [PersistentState("lead-registry", PqlStorageNames.Grains)] IPersistentState<LeadRegistryState> state,
    IOptions<LeadRegistryOptions> options) : Grain, ILeadRegistryGrain
{
    private readonly LeadRegistryOptions _options = options.Value;

    public async Task Upsert(LeadSummary lead)
    {
        state.State.Leads[lead.LeadId] = lead;
        var closed = state.State.Leads.Values.Where(summary => !summary.Status.IsOpen()).ToList();
        foreach (var oldest in closed.OrderBy(summary => summary.UpdatedAt).Take(Math.Max(0, closed.Count - _options.ClosedLeads)))
        {
            state.State.Leads.Remove(oldest.LeadId);
        }

        await state.WriteStateAsync();
    }

    public Task<LeadPage> List(bool openOnly, int offset, int limit)
    {
        var matching = state.State.Leads.Values
            .Where(summary => !openOnly || summary.Status.IsOpen())
            .OrderByDescending(summary => summary.OpenedAt)
            .ThenBy(summary => summary.LeadId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new LeadPage([.. matching.Skip(offset).Take(limit)], matching.Count, offset));
    }

    public Task RecordDeadLetter(DeadLetter deadLetter) => Append(state.State.DeadLetters, deadLetter, _options.DeadLetters);

    public Task<DeadLetter[]> DeadLetters(int offset, int limit) =>
        Task.FromResult<DeadLetter[]>([.. Enumerable.Reverse(state.State.DeadLetters).Skip(offset).Take(limit)]);

    public Task RecordConversion(Conversion conversion) => Append(state.State.Conversions, conversion, _options.Conversions);

    public Task<Conversion[]> Conversions(int offset, int limit) =>
        Task.FromResult<Conversion[]>([.. Enumerable.Reverse(state.State.Conversions).Skip(offset).Take(limit)]);

    private async Task Append<T>(List<T> list, T item, int capacity)
    {
        list.Add(item);
        if (list.Count > capacity)
        {
            list.RemoveRange(0, list.Count - capacity);
        }

        await state.WriteStateAsync();
    }
}
