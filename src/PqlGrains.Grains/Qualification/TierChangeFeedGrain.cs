using Microsoft.Extensions.Logging;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Grains.Qualification;

/// <summary>Keeps the newest tier changes; saves at most once per second however many arrive.</summary>
internal sealed partial class TierChangeFeedGrain(
    [PersistentState("tier-changes", PqlStorageNames.Grains)] IPersistentState<TierChangeFeed> feed,
    ILogger<TierChangeFeedGrain> logger) : Grain, ITierChangeFeedGrain
{
    public const int Capacity = 500;

    private readonly ILogger<TierChangeFeedGrain> _logger = logger;
    private IGrainTimer? _save;

    public Task Record(TierChanged change)
    {
        var changes = feed.State.Changes;
        changes.Add(change);
        if (changes.Count > Capacity)
        {
            changes.RemoveRange(0, changes.Count - Capacity);
        }

        // The callback disposes its own one-shot timer first, which cancels the token Orleans hands
        // it: passing that token on made every timed save fail (only deactivation may cancel).
        _save ??= this.RegisterGrainTimer(static (grain, _) => grain.SaveAsync(CancellationToken.None), this, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public Task<TierChanged[]> GetLatest(int limit)
    {
        var changes = feed.State.Changes;
        var count = Math.Clamp(limit, 0, changes.Count);
        var latest = new TierChanged[count];
        for (var i = 0; i < count; i++)
        {
            latest[i] = changes[changes.Count - 1 - i];
        }

        return Task.FromResult(latest);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_save is not null)
        {
            await SaveAsync(cancellationToken);
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        // Disposing a grain timer cancels the token of its running callback, so the one-shot
        // timer is disposed only after the work it started is done.
        var timer = _save;
        _save = null;
        try
        {
            try
            {
                await feed.WriteStateAsync(cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogSaveFailed(exception);
            }
        }
        finally
        {
            timer?.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The tier change feed could not be saved; it is saved again with the next change")]
    private partial void LogSaveFailed(Exception exception);
}
