using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Privacy;
using PqlGrains.Grains.Ingest;

namespace PqlGrains.Grains.Privacy;

/// <summary>
/// One activation per cluster sweeps the event log, so PostgreSQL sees one deleter at a time. A partition is swept
/// only up to what it has dispatched to user grains: an event nobody has applied is never deleted, however old.
/// </summary>
internal sealed partial class EventRetentionGrain(
    IEventLog log,
    IOptions<PrivacyOptions> options,
    IOptions<IngestOptions> ingest,
    TimeProvider time,
    ILogger<EventRetentionGrain> logger) : Grain, IEventRetentionGrain, IRemindable
{
    private const string SweepReminder = "event-retention-sweep";

    private readonly PrivacyOptions _options = options.Value;
    private readonly ILogger<EventRetentionGrain> _logger = logger;

    public async Task Start() =>
        await this.RegisterOrUpdateReminder(SweepReminder, _options.RetentionSweepInterval, _options.RetentionSweepInterval);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await Sweep();
        }
        catch (Exception exception)
        {
            // Deleting is idempotent: the next tick picks up where this one stopped.
            LogSweepFailed(exception, _options.RetentionSweepInterval);
        }
    }

    public async Task<RetentionSweep> Sweep()
    {
        var loggedBefore = time.GetUtcNow() - _options.EventRetention;
        var deleted = 0L;
        for (var partition = 0; partition < ingest.Value.Partitions; partition++)
        {
            var progress = await GrainFactory.GetGrain<IIngestPartitionGrain>(partition).GetProgress();
            int batch;
            do
            {
                batch = await log.DeleteExpiredAsync(partition, loggedBefore, progress.DispatchedUpTo, _options.RetentionBatchSize, CancellationToken.None);
                deleted += batch;
            }
            while (batch == _options.RetentionBatchSize);
        }

        if (deleted > 0)
        {
            LogSwept(deleted, loggedBefore);
        }

        return new RetentionSweep(loggedBefore, deleted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event retention deleted {Deleted} events logged before {LoggedBefore:O}")]
    private partial void LogSwept(long deleted, DateTimeOffset loggedBefore);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event retention sweep failed; it runs again in {Interval}")]
    private partial void LogSweepFailed(Exception exception, TimeSpan interval);
}
