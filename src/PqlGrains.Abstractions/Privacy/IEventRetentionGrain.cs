namespace PqlGrains.Abstractions.Privacy;

/// <summary>
/// Deletes events older than <c>Pql:Privacy:EventRetention</c> from the event log (key: 0, one per cluster),
/// on a durable reminder every <c>Pql:Privacy:RetentionSweepInterval</c>.
/// </summary>
public interface IEventRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the sweep reminder; every silo calls it at start, so it is idempotent.</summary>
    Task Start();

    /// <summary>Sweeps now, every partition, in bounded batches.</summary>
    Task<RetentionSweep> Sweep();
}
