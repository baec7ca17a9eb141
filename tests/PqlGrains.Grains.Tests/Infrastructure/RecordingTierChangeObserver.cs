using System.Collections.Concurrent;
using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Grains.Tests.Infrastructure;

internal sealed class RecordingTierChangeObserver : ITierChangeObserver
{
    public ConcurrentQueue<TierChanged> Changes { get; } = new();

    public Task OnTierChangedAsync(TierChanged change, CancellationToken cancellationToken)
    {
        Changes.Enqueue(change);
        return Task.CompletedTask;
    }
}
