using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Segment;
using PqlGrains.Simulation;

namespace PqlGrains.Silo.Demo;

/// <summary>
/// Plays a simulated product into the cluster through the same path as real traffic: the
/// simulator's Segment batches are parsed by the gateway's parser and handed to the
/// <see cref="IEventIngestor"/>, so the demo exercises scoring, leads and routing for real.
/// </summary>
internal sealed partial class DemoFeed(
    IOptions<DemoOptions> options,
    IEventIngestor ingestor,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DemoFeed> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Ingest needs an active silo; the application is only "started" once the silo has joined.
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        var demo = options.Value;
        var simulation = SimulationFeed.EndingToday(
            new SimulationOptions { Users = demo.Users, Accounts = demo.Accounts, Days = demo.Days, Seed = demo.Seed },
            time.GetUtcNow());
        LogStarting(demo.Users, demo.Accounts, demo.Days, TimeSpan.FromSeconds(demo.Days * 86_400d / demo.Speed));

        long played = 0;
        var lastDay = DateOnly.MinValue;
        await foreach (var batch in SimulationFeed.PlayAsync(simulation, demo.Speed, time, cancellationToken: stoppingToken))
        {
            var payload = SegmentPayloadParser.Parse(SegmentJson.SerializeBatch(batch, time.GetUtcNow()), SegmentEndpoint.Batch, time.GetUtcNow());
            await ingestor.IngestAsync(payload.Events, stoppingToken);
            played += payload.Events.Count;
            var day = DateOnly.FromDateTime(batch[^1].Timestamp.UtcDateTime);
            if (day != lastDay)
            {
                lastDay = day;
                LogProgress(day, played);
            }
        }

        LogFinished(played);
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEMO: replaying a simulated product ({Users} users, {Accounts} accounts, the last {Days} days) in about {Duration}; watch for 'task' and 'alert' lines as leads are routed, or GET /api/leads")]
    private partial void LogStarting(int users, int accounts, int days, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Information, Message = "DEMO: simulated day {Day} reached, {Events} events ingested")]
    private partial void LogProgress(DateOnly day, long events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEMO: replay finished, {Events} events ingested; the silo keeps running (GET /api/leads?status=all)")]
    private partial void LogFinished(long events);
}
