using Orleans.Concurrency;

namespace PqlGrains.Abstractions.Qualification;

/// <summary>
/// The latest tier changes across the deployment (key: 0), for operators and the read API.
/// A display feed, not a delivery channel: lead qualification registers its own
/// <see cref="ITierChangeObserver"/>.
/// </summary>
public interface ITierChangeFeedGrain : IGrainWithIntegerKey
{
    /// <summary>One-way: a busy feed never slows the user or account reporting the change.</summary>
    [OneWay]
    Task Record(TierChanged change);

    /// <summary>Up to <paramref name="limit"/> changes, newest first.</summary>
    Task<TierChanged[]> GetLatest(int limit);

    /// <summary>Drops the user's own tier changes (erasure).</summary>
    Task Forget(string userId);
}
