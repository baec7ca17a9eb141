using System.Globalization;

namespace PqlGrains.Cli.Load;

/// <summary>
/// <c>pql load --progress</c>: one line a second with the events accepted so far, stamped with the wall clock
/// (Unix seconds), so a script driving a run can tell when the gateway keeps up with the target rate
/// (bench/leads-latency.sh waits for a steady load this way).
/// </summary>
internal static class LoadProgress
{
    public static async Task WriteAsync(Func<long> accepted, TextWriter output, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
                await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "progress {0:F3} accepted {1}", now, accepted()));
                await output.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
