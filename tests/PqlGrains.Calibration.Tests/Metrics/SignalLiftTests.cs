using PqlGrains.Calibration.Metrics;
using static PqlGrains.Calibration.Tests.Metrics.Cohort;

namespace PqlGrains.Calibration.Tests.Metrics;

public sealed class SignalLiftTests
{
    [Fact]
    public void LiftComparesHowOftenConvertersAndNonConvertersShowedASignalBeforeConverting()
    {
        var fired = new Dictionary<string, IReadOnlyDictionary<string, DateTimeOffset>>
        {
            ["a"] = new Dictionary<string, DateTimeOffset> { ["api_key"] = Day(1, 5), ["billing"] = Day(1, 25), ["sso"] = Day(1, 6) },
            ["b"] = new Dictionary<string, DateTimeOffset> { ["api_key"] = Day(1, 6), ["billing"] = Day(1, 7) },
            ["c"] = new Dictionary<string, DateTimeOffset> { ["billing"] = Day(1, 3) },
            ["d"] = new Dictionary<string, DateTimeOffset> { ["api_key"] = Day(1, 4) },
        };
        var conversions = new ConversionLedger([("a", Day(1, 20)), ("b", Day(2, 20))]);

        var lifts = SignalLift.Compute(["a", "b", "c", "d"], fired, conversions, new BacktestWindow(Day(1, 1), Day(3, 31), TimeSpan.FromDays(30)));

        Assert.Equal(
            [
                new SignalLift("sso", 0.5, 0.0, null),
                new SignalLift("api_key", 1.0, 0.5, 2.0),
                new SignalLift("billing", 0.5, 0.5, 1.0), // a's billing visit came after a paid
            ],
            lifts);
    }
}
