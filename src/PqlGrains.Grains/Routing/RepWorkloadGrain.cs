using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Routing;

/// <summary>The capacity ledger of one rep: the only place their open-lead count changes, whichever pool assigns.</summary>
public sealed class RepWorkloadGrain(
    [PersistentState("rep-workload", PqlStorageNames.Grains)] IPersistentState<RepWorkloadState> state) : Grain, IRepWorkloadGrain
{
    private HashSet<string> Leads => state.State.OpenLeads;

    public async Task<RepReservation> Reserve(string leadId, int capacity)
    {
        if (Leads.Contains(leadId))
        {
            return new RepReservation(true, Leads.Count);
        }

        if (Leads.Count >= capacity)
        {
            return new RepReservation(false, Leads.Count);
        }

        Leads.Add(leadId);
        await state.WriteStateAsync();
        return new RepReservation(true, Leads.Count);
    }

    public async Task Release(string leadId)
    {
        if (Leads.Remove(leadId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Hold(string[] leadIds)
    {
        var added = false;
        foreach (var leadId in leadIds)
        {
            added |= Leads.Add(leadId);
        }

        if (added)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<string[]> OpenLeads() => Task.FromResult(Leads.Order(StringComparer.Ordinal).ToArray());
}
