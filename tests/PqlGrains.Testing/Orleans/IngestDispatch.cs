using PqlGrains.Abstractions.Ingest;

namespace PqlGrains.Testing.Orleans;

/// <summary>Dispatch follows the ingest ack asynchronously: tests wait for it, never for a fixed time.</summary>
public static class IngestDispatch
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Waits until each of <paramref name="partitions"/> ingest partitions dispatched what it logged.</summary>
    public static async Task WaitAsync(IGrainFactory grains, int partitions)
    {
        var deadline = DateTime.UtcNow + Patience;
        for (var partition = 0; partition < partitions; partition++)
        {
            while (!(await grains.GetGrain<IIngestPartitionGrain>(partition).GetProgress()).IsCaughtUp)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Ingest partition {partition} did not dispatch what it logged within {Patience.TotalSeconds:0} s.");
                }

                await Task.Delay(20);
            }
        }
    }
}
