using PqlGrains.Calibration.Metrics;
using static PqlGrains.Calibration.Tests.Metrics.Cohort;

namespace PqlGrains.Calibration.Tests.Metrics;

public sealed class QualificationMetricsTests
{
    private static readonly BacktestWindow FirstQuarter = new(Day(1, 1), Day(3, 31), TimeSpan.FromDays(30));

    // a: flagged Jan 10, converts Jan 20 (10 days, inside the horizon)
    // b: flagged Jan 5, converts Feb 20 (46 days: converter flagged before, but beyond the 30-day horizon)
    // c: flagged Feb 1, never converts
    // d: converts Feb 1, flagged Mar 1 (after paying: the flag is ignored)
    // e: never flagged, converts Mar 10
    // f: flagged and converts at the same moment, Mar 5 (lead time 0)
    // g: flagged Dec 20 2025, before the window
    // h, i, j, l, m: quiet; k: flagged and converted but not active, so not part of the cohort
    private static readonly string[] Active = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "l", "m"];

    private static readonly Dictionary<string, DateTimeOffset> Flags = new()
    {
        ["a"] = Day(1, 10), ["b"] = Day(1, 5), ["c"] = Day(2, 1), ["d"] = Day(3, 1), ["f"] = Day(3, 5), ["g"] = Dec2025(20), ["k"] = Day(1, 2),
    };

    private static readonly ConversionLedger Conversions = new([
        ("a", Day(1, 20)), ("b", Day(2, 20)), ("d", Day(2, 1)), ("e", Day(3, 10)), ("f", Day(3, 5)), ("k", Day(1, 3)), ("a", Day(3, 1)),
    ]);

    private static QualificationMetrics Metrics => QualificationMetrics.Compute(Active, Flags, Conversions, FirstQuarter);

    [Fact]
    public void PqlRateCountsFlagsInsideTheWindowAndBeforeConvertingAmongActiveSubjects()
    {
        Assert.Equal(12, Metrics.Active);
        Assert.Equal(4, Metrics.Flagged); // a, b, c, f
        Assert.Equal(4.0 / 12, Metrics.PqlRate, 12);
    }

    [Fact]
    public void PrecisionCountsOnlyConversionsWithinTheHorizonAfterTheFlag()
    {
        Assert.Equal(2, Metrics.FlaggedThenConverted); // a and f; b converted too late
        Assert.Equal(0.5, Metrics.Precision, 12);
    }

    [Fact]
    public void RecallIsTheShareOfConvertersFlaggedAtOrBeforeConverting()
    {
        Assert.Equal(5, Metrics.Converters); // a, b, d, e, f
        Assert.Equal(3, Metrics.ConvertersFlaggedBefore); // a, b, f
        Assert.Equal(0.6, Metrics.Recall, 12);
    }

    [Fact]
    public void LeadTimesRunFromFlagToConversionInDays()
    {
        Assert.Equal([0.0, 10.0, 46.0], Metrics.LeadTimesDays);
        Assert.Equal(10.0, Metrics.MedianLeadTimeDays);
        Assert.Equal(0.0, Metrics.P10LeadTimeDays);
    }

    [Fact]
    public void LiftIsPrecisionOverTheBaseRate()
    {
        Assert.Equal(5.0 / 12, Metrics.BaseRate, 12);
        Assert.Equal(0.5 / (5.0 / 12), Metrics.Lift, 12);
    }

    [Fact]
    public void AnEvenNumberOfLeadTimesHasTheMeanOfTheMiddleTwoAsMedian()
    {
        Assert.Equal(2.5, QualificationMetrics.Median([1, 2, 3, 4]));
        Assert.Null(QualificationMetrics.Median([]));
    }

    [Fact]
    public void P10IsTheNearestRankTenthPercentile()
    {
        var oneToTwenty = Enumerable.Range(1, 20).Select(i => (double)i).ToList();
        Assert.Equal(2.0, QualificationMetrics.NearestRank(oneToTwenty, 0.10));
        Assert.Equal(1.0, QualificationMetrics.NearestRank([1.0, 5.0, 9.0], 0.10));
    }

    [Fact]
    public void NoFlagsAndNoConvertersGiveZerosNotDivisionErrors()
    {
        var metrics = QualificationMetrics.Compute(["x"], new Dictionary<string, DateTimeOffset>(), new ConversionLedger([]), FirstQuarter);
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (metrics.PqlRate, metrics.Precision, metrics.Recall, metrics.Lift));
        Assert.Null(metrics.MedianLeadTimeDays);
    }
}
