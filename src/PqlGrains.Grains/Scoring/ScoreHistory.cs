namespace PqlGrains.Grains.Scoring;

/// <summary>
/// A subject's recorded scores over the last day, at most one per hour (the latest evaluated in it), so a lead brief
/// can show the score as of 24 hours earlier. The engine cannot evaluate the past once newer events are applied, so
/// the past is what was evaluated then. Bounded: about 25 points, older ones dropped once a newer point covers the
/// horizon.
/// </summary>
[GenerateSerializer]
public sealed class ScoreHistory
{
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(24);
    private const long ResolutionSeconds = 3600;

    /// <summary>Oldest first.</summary>
    /// <remarks>Sized for one point: most subjects are scored within one hour (a list's default first growth to four cost every active user 48 bytes).</remarks>
    [Id(0)] public List<ScorePoint> Points { get; set; } = new(1);

    public void Record(DateTimeOffset at, double score)
    {
        var point = new ScorePoint(at.ToUnixTimeSeconds(), score);
        if (Points.Count > 0)
        {
            var last = Points[^1];
            if (point.At < last.At)
            {
                // An evaluation that finished late (or a clock step back) never rewrites later history.
                return;
            }

            if (point.At / ResolutionSeconds == last.At / ResolutionSeconds)
            {
                Points[^1] = point;
                return;
            }
        }

        Points.Add(point);

        // Queries ask for now - Horizon with now at or after this point: the newest point at or before that
        // answers them, so anything older than it can go.
        var covered = point.At - (long)Horizon.TotalSeconds;
        while (Points.Count > 1 && Points[1].At <= covered)
        {
            Points.RemoveAt(0);
        }
    }

    /// <summary>The last score recorded at or before <paramref name="at"/> (to the hour), or null when none was.</summary>
    public double? AsOf(DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        for (var index = Points.Count - 1; index >= 0; index--)
        {
            if (Points[index].At <= seconds)
            {
                return Points[index].Score;
            }
        }

        return null;
    }

    /// <summary>The score recorded <see cref="Horizon"/> before <paramref name="now"/>.</summary>
    public double? DayBefore(DateTimeOffset now) => AsOf(now - Horizon);
}
