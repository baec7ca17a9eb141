using Microsoft.Extensions.Logging;
using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Grains.Qualification;

/// <summary>Hands a tier change to every registered <see cref="ITierChangeObserver"/>.</summary>
public sealed partial class TierChangePublisher(IEnumerable<ITierChangeObserver> observers, TierChangeMetrics metrics, ILogger<TierChangePublisher> logger)
{
    private readonly ITierChangeObserver[] _observers = [.. observers];

    /// <summary>True when every observer took the change; false tells the caller to publish again later.</summary>
    public async Task<bool> PublishAsync(TierChanged change, CancellationToken cancellationToken)
    {
        var delivered = true;
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnTierChangedAsync(change, cancellationToken);
            }
            catch (Exception exception)
            {
                delivered = false;
                LogObserverFailed(exception, observer.GetType().Name, change.Kind, change.SubjectId, change.NewTier);
            }
        }

        // Counted once taken: a change some observer refused is published again later and would count twice.
        if (delivered)
        {
            metrics.Published(change.Kind);
        }

        return delivered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tier change observer {Observer} failed for {Kind} {SubjectId} (new tier {NewTier}); it is published again on the next change or activation")]
    private partial void LogObserverFailed(Exception exception, string observer, SubjectKind kind, string subjectId, string? newTier);
}
