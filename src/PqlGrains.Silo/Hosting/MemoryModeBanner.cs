namespace PqlGrains.Silo.Hosting;

/// <summary>Says loudly, at start, that embedded mode keeps nothing across restarts.</summary>
internal sealed partial class MemoryModeBanner(ILogger<MemoryModeBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogBanner();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = """

        ************************************************************************************
        *  PqlGrains is running in MEMORY mode: grain state, reminders and the event log    *
        *  live in this process only and are LOST when it stops. For durable state set      *
        *  Pql__Storage=Postgres and ConnectionStrings__Pql (see README, Configuration).     *
        ************************************************************************************
        """)]
    private partial void LogBanner();
}
