using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Grains.Qualification;

/// <summary>The default observer: every tier change lands in the deployment's <see cref="ITierChangeFeedGrain"/>.</summary>
internal sealed class TierChangeFeedObserver(IGrainFactory grains) : ITierChangeObserver
{
    public Task OnTierChangedAsync(TierChanged change, CancellationToken cancellationToken) =>
        grains.GetGrain<ITierChangeFeedGrain>(0).Record(change);
}
