using PqlGrains.Calibration.Metrics;
using static PqlGrains.Calibration.Tests.Metrics.Cohort;

namespace PqlGrains.Calibration.Tests.Metrics;

public sealed class ThresholdSweepTests
{
    [Fact]
    public void ATrajectoryKnowsTheFirstTimeEachThresholdWasReached()
    {
        var trajectory = new ScoreTrajectory();
        trajectory.Observe(Day(1, 2), 30);
        trajectory.Observe(Day(1, 4), 70);
        trajectory.Observe(Day(1, 6), 50);
        trajectory.Observe(Day(1, 9), 90);

        Assert.Equal(3, trajectory.Count);
        Assert.Equal(Day(1, 2), trajectory.FirstReached(10));
        Assert.Equal(Day(1, 4), trajectory.FirstReached(60));
        Assert.Equal(Day(1, 4), trajectory.FirstReached(70));
        Assert.Equal(Day(1, 9), trajectory.FirstReached(90));
        Assert.Null(trajectory.FirstReached(91));
    }

    [Fact]
    public void RaisingTheThresholdTradesVolumeForPrecision()
    {
        var p = new ScoreTrajectory();
        p.Observe(Day(1, 2), 30);
        p.Observe(Day(1, 4), 70);
        p.Observe(Day(1, 9), 90);
        var q = new ScoreTrajectory();
        q.Observe(Day(1, 3), 65);
        var conversions = new ConversionLedger([("p", Day(1, 20))]);

        var sweep = ThresholdPoint.Sweep(["p", "q"], new Dictionary<string, ScoreTrajectory> { ["p"] = p, ["q"] = q }, conversions, new BacktestWindow(Day(1, 1), Day(3, 31), TimeSpan.FromDays(30)), [80, 60]);

        Assert.Equal([60.0, 80.0], sweep.Select(s => s.Threshold));
        Assert.Equal((1.0, 0.5, 1.0), (sweep[0].Metrics.PqlRate, sweep[0].Metrics.Precision, sweep[0].Metrics.Recall));
        Assert.Equal((0.5, 1.0, 1.0), (sweep[1].Metrics.PqlRate, sweep[1].Metrics.Precision, sweep[1].Metrics.Recall));
        Assert.Equal(16.0, sweep[0].Metrics.MedianLeadTimeDays);
        Assert.Equal(11.0, sweep[1].Metrics.MedianLeadTimeDays);
    }
}
