namespace PqlGrains.Cli.Load;

/// <summary>Acknowledgement latencies of one sending loop; merged at the end for percentiles.</summary>
internal sealed class LatencyHistogram
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Record(TimeSpan latency) => _milliseconds.Add(latency.TotalMilliseconds);

    public static LatencyHistogram Merge(IEnumerable<LatencyHistogram> parts)
    {
        var merged = new LatencyHistogram();
        foreach (var part in parts)
        {
            merged._milliseconds.AddRange(part._milliseconds);
        }

        merged._milliseconds.Sort();
        return merged;
    }

    /// <summary>Nearest-rank percentile (0 &lt; p &lt;= 100) of a merged histogram; 0 when empty.</summary>
    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p / 100 * _milliseconds.Count);
        return _milliseconds[Math.Clamp(rank, 1, _milliseconds.Count) - 1];
    }
}
