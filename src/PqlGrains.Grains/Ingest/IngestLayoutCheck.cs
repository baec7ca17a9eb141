using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Ingest;

namespace PqlGrains.Grains.Ingest;

/// <summary>
/// Refuses to start a silo whose <c>Pql:Ingest:Partitions</c> differs from the count the durable
/// log was written with: users would hash to partitions whose sequences their checkpoints never
/// counted in, and their history would be replayed from the wrong partition. The in-memory log
/// has no layout (it lives and dies with the process), so there is nothing to check.
/// </summary>
internal sealed class IngestLayoutCheck(IOptions<IngestOptions> options, IEventLogLayout? layout = null) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        if (layout is not null)
        {
            lifecycle.Subscribe(nameof(IngestLayoutCheck), ServiceLifecycleStage.ApplicationServices, EnsureMatchesAsync);
        }
    }

    /// <summary>Records the configured count on a new log; throws when the log was written with another count.</summary>
    public async Task EnsureMatchesAsync(CancellationToken cancellationToken)
    {
        if (layout is null)
        {
            return;
        }

        var configured = options.Value.Partitions;
        var recorded = await layout.ClaimAsync(configured, cancellationToken);
        if (recorded.Partitions != configured)
        {
            throw new InvalidOperationException(
                $"{IngestOptions.SectionName}:Partitions is {configured} but the event log is written with {recorded.Partitions} partitions " +
                $"(highest partition holding events: {recorded.HighestPartitionInUse}). The count is fixed for the life of a log: " +
                $"set {IngestOptions.SectionName}:Partitions={recorded.Partitions} (logs written before this check used the former default 64 unless configured).");
        }
    }
}
