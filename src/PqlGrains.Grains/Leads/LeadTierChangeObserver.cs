using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Grains.Leads;

/// <summary>Forwards tier changes from user and account grains to the lead grain of their subject.</summary>
public sealed class LeadTierChangeObserver(IGrainFactory grains) : ITierChangeObserver
{
    public Task OnTierChangedAsync(TierChanged change, CancellationToken cancellationToken) =>
        grains.GetGrain<ILeadGrain>(LeadKeys.SubjectOf(change)).Qualify(change);
}
