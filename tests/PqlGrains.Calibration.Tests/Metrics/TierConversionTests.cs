using PqlGrains.Calibration.Metrics;
using static PqlGrains.Calibration.Tests.Metrics.Cohort;

namespace PqlGrains.Calibration.Tests.Metrics;

public sealed class TierConversionTests
{
    [Fact]
    public void EachActiveSubjectCountsUnderTheHighestTierItReachedBeforeConverting()
    {
        string[] tiers = ["warm", "hot", "sales_ready"];
        string[] active = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
        TierCrossing[] crossings =
        [
            new("a", "warm", 0, Day(1, 3)), new("a", "hot", 1, Day(1, 8)), new("a", "sales_ready", 2, Day(1, 10)),
            new("b", "warm", 0, Day(1, 2)), new("b", "sales_ready", 2, Day(1, 5)),
            new("c", "hot", 1, Day(2, 1)),
            new("d", "warm", 0, Day(1, 15)), new("d", "sales_ready", 2, Day(3, 1)), // after d paid on Feb 1
            new("e", "warm", 0, Day(3, 1)),
            new("h", "warm", 0, Day(1, 3)),
            new("g", "warm", 0, Dec2025(20)), // before the window
        ];
        var conversions = new ConversionLedger([("a", Day(1, 20)), ("b", Day(2, 20)), ("d", Day(2, 1)), ("e", Day(3, 10)), ("f", Day(3, 5))]);

        var byTier = TierConversion.Compute(active, tiers, crossings, conversions, new BacktestWindow(Day(1, 1), Day(3, 31), TimeSpan.FromDays(30)));

        Assert.Equal(
            [
                new TierConversion("sales_ready", 2, 2, 1.0),
                new TierConversion("hot", 1, 0, 0.0),
                new TierConversion("warm", 3, 2, 2.0 / 3),
                new TierConversion(TierConversion.NoTier, 4, 1, 0.25),
            ],
            byTier);
    }
}
