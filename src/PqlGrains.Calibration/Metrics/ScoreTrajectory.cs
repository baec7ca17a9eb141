namespace PqlGrains.Calibration.Metrics;

/// <summary>
/// A subject's running maximum score over time: only new highs are kept, so the first time the
/// score reached any threshold is exact and the size stays small (one point per new high).
/// </summary>
public sealed class ScoreTrajectory
{
    private readonly List<DateTimeOffset> _times = [];
    private readonly List<double> _highs = [];

    public int Count => _highs.Count;

    public double Highest => _highs.Count == 0 ? double.NegativeInfinity : _highs[^1];

    /// <summary>Records a score observed at <paramref name="at"/>; observations must come in time order.</summary>
    public void Observe(DateTimeOffset at, double score)
    {
        if (score > Highest)
        {
            _times.Add(at);
            _highs.Add(score);
        }
    }

    /// <summary>The first time the score was at or above <paramref name="threshold"/>, if ever.</summary>
    public DateTimeOffset? FirstReached(double threshold)
    {
        var low = 0;
        var high = _highs.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_highs[middle] >= threshold)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low < _highs.Count ? _times[low] : null;
    }
}
