using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PqlGrains.Grains.Definitions;

/// <summary>Polls the registry's generation from the moment the silo is active until it stops.</summary>
internal sealed partial class ActiveDefinitionsRefresher(
    ActiveDefinitions definitions,
    IOptions<DefinitionOptions> options,
    TimeProvider time,
    ILogger<ActiveDefinitionsRefresher> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ActiveDefinitionsRefresher), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        _loop = Task.Run(() => PollAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null || _loop is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshPeriod, time);
        try
        {
            do
            {
                try
                {
                    await definitions.RefreshAsync(cancellationToken);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    LogRefreshFailed(exception, options.Value.RefreshPeriod);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the definition registry; this silo keeps its current definitions and retries in {Period}")]
    private partial void LogRefreshFailed(Exception exception, TimeSpan period);
}
