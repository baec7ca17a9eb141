using Microsoft.Extensions.Logging;
using PqlGrains.Abstractions.Privacy;

namespace PqlGrains.Grains.Privacy;

/// <summary>Arms the cluster's retention reminder when a silo becomes active (idempotent; every silo does it).</summary>
internal sealed partial class EventRetentionStarter(IGrainFactory grains, ILogger<EventRetentionStarter> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(EventRetentionStarter), ServiceLifecycleStage.Active, StartAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IEventRetentionGrain>(0).Start();
        }
        catch (Exception exception)
        {
            // Another silo arms the same reminder; a silo must not fail to start over it.
            LogStartFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not arm the event retention reminder from this silo; another silo or the next start arms it")]
    private partial void LogStartFailed(Exception exception);
}
