using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Leads;

/// <summary>Remembers which lead a CRM task belongs to, for task-completion callbacks.</summary>
public sealed class CrmTaskIndexGrain(
    [PersistentState("crm-task", PqlStorageNames.Grains)] IPersistentState<CrmTaskLink> state) : Grain, ICrmTaskIndexGrain
{
    public async Task Link(string leadId)
    {
        if (state.State.LeadId != leadId)
        {
            state.State.LeadId = leadId;
            await state.WriteStateAsync();
        }
    }

    public Task<string?> LeadId() => Task.FromResult(state.State.LeadId);
}
