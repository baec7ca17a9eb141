using System.Globalization;

namespace PqlGrains.Cli.Load;

/// <summary>The outcome of a load run: what the gateway acknowledged, how fast, and what failed.</summary>
internal sealed record LoadReport(
    TimeSpan Elapsed,
    long EventsSent,
    long EventsAccepted,
    long EventsRejected,
    long RequestsFailed,
    IReadOnlyDictionary<string, long> Failures,
    LatencyHistogram Latency)
{
    public double AcceptedPerSecond => Elapsed > TimeSpan.Zero ? EventsAccepted / Elapsed.TotalSeconds : 0;

    public void WriteTo(TextWriter output, LoadSettings settings)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Format(c, "sent {0:N0} events in {1:F1} s to {2} ({3} per batch, {4} in flight, target {5})",
            EventsSent, Elapsed.TotalSeconds, settings.Url, settings.BatchSize, settings.Concurrency,
            settings.Rate > 0 ? string.Format(c, "{0:N0} events/s", settings.Rate) : "as fast as acknowledged"));
        output.WriteLine(string.Format(c, "accepted {0:N0} events/s ({1:N0} events), rejected {2:N0} events, failed requests {3:N0}",
            AcceptedPerSecond, EventsAccepted, EventsRejected, RequestsFailed));
        output.WriteLine(string.Format(c, "ack latency ms over {0:N0} requests: p50 {1:F2}  p90 {2:F2}  p99 {3:F2}  max {4:F2}",
            Latency.Count, Latency.Percentile(50), Latency.Percentile(90), Latency.Percentile(99), Latency.Percentile(100)));
        foreach (var (reason, count) in Failures.OrderByDescending(f => f.Value))
        {
            output.WriteLine(string.Format(c, "  {0:N0} x {1}", count, reason));
        }
    }
}
