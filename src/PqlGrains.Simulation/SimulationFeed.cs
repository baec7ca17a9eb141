using System.Runtime.CompilerServices;

namespace PqlGrains.Simulation;

/// <summary>
/// Plays a simulated product in accelerated real time, for <c>pql simulate --live</c> and the
/// silo's demo mode. The simulation is rebased so that it covers the <c>Days</c> days before
/// today (UTC midnight): event timestamps keep their simulated spacing and never lie in the
/// future, and one simulated second passes every 1/speed wall seconds.
/// </summary>
public static class SimulationFeed
{
    /// <summary>The options with <c>Start</c> moved so the simulation ends at today's UTC midnight.</summary>
    public static SimulationOptions EndingToday(SimulationOptions options, DateTimeOffset now) =>
        options with { Start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-options.Days) };

    /// <summary>
    /// Batches of at most <paramref name="maxBatch"/> messages, each released once the simulated
    /// clock (started at <c>options.Start</c> when enumeration begins, running <paramref name="speed"/>
    /// times faster than <paramref name="time"/>) has passed its timestamps.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<SimulatedMessage>> PlayAsync(
        SimulationOptions options,
        double speed,
        TimeProvider time,
        int maxBatch = 100,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!(speed > 0) || double.IsInfinity(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "--speed must be a positive number of simulated seconds per wall second (e.g. 3600).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        var wallStart = time.GetTimestamp();
        var batch = new List<SimulatedMessage>(maxBatch);
        foreach (var day in new ProductSimulator(options).Run())
        {
            foreach (var message in day.Messages)
            {
                var due = TimeSpan.FromTicks((long)((message.Timestamp - options.Start).Ticks / speed));
                var waited = time.GetElapsedTime(wallStart);
                if (due > waited)
                {
                    if (batch.Count > 0)
                    {
                        yield return batch.ToArray();
                        batch.Clear();
                    }

                    await Task.Delay(due - waited, time, cancellationToken).ConfigureAwait(false);
                }

                batch.Add(message);
                if (batch.Count == maxBatch)
                {
                    yield return batch.ToArray();
                    batch.Clear();
                }
            }
        }

        if (batch.Count > 0)
        {
            yield return batch.ToArray();
        }
    }
}
