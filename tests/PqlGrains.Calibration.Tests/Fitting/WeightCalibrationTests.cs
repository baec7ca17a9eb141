using PqlGrains.Calibration.Fitting;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Calibration.Tests.Fitting;

public sealed class WeightCalibrationTests(SimulatedHistoryFixture simulated) : IClassFixture<SimulatedHistoryFixture>
{
    [Fact]
    public void EverySimulatedMessageIsAValidSegmentMessage()
    {
        Assert.Empty(simulated.History.Rejections);
        Assert.True(simulated.History.Events.Count > 100_000);
    }

    [Fact]
    public void TheCalibratedDefinitionIsMorePreciseThanTheShippedDefaultAtTheSamePqlRate()
    {
        var outcome = simulated.AtFifteenPercent;

        Assert.True(
            outcome.Calibrated.Precision > outcome.BaseAtSameRate.Precision,
            $"calibrated {outcome.Calibrated.Precision:P2} vs default {outcome.BaseAtSameRate.Precision:P2} at PQL rate {outcome.Calibrated.PqlRate:P2} / {outcome.BaseAtSameRate.PqlRate:P2}");
        Assert.True(outcome.Calibrated.Flagged > 0);
    }

    [Fact]
    public void CalibrationLearnsTheHiddenModelsOrderingOfSignals()
    {
        var weights = simulated.AtFifteenPercent.Weights.ToDictionary(w => w.SignalId);

        // Hidden model: an API key is strongly predictive, billing visits weakly, exports not at all;
        // the shipped default gives billing the most points.
        Assert.True(weights["api_key_created"].CalibratedPoints > weights["billing_page"].CalibratedPoints);
        Assert.True(weights["billing_page"].CalibratedPoints < weights["billing_page"].BasePoints);
        Assert.True(weights["report_exported"].CalibratedPoints < weights["report_exported"].BasePoints);
    }

    [Fact]
    public void TheNewVersionValidatesAndStatesItsWindowMetricsAndWeightDiff()
    {
        var outcome = simulated.AtFifteenPercent;

        var definition = PqlDefinition.Load(outcome.Yaml, "calibrated.yaml").GetDefinitionOrThrow();
        Assert.Equal("2", definition.Version);
        Assert.True(outcome.Training.To < outcome.Validation.From, "training must end before validation starts");
        var header = string.Join('\n', outcome.Yaml.Split('\n').TakeWhile(l => l.StartsWith('#')));
        foreach (var expected in new[] { "Data window:", "Validation:", "precision", "recall", "median lead", "billing_page", "->" })
        {
            Assert.Contains(expected, header, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void APrecisionTargetIsMetOnTrainingByFlaggingFewerUsers()
    {
        var strict = simulated.Calibrate(CalibrationTarget.MinimumPrecision(simulated.AtFifteenPercent.TrainingAtThreshold.Precision + 0.1));

        Assert.True(strict.TrainingAtThreshold.Precision >= simulated.AtFifteenPercent.TrainingAtThreshold.Precision + 0.1);
        Assert.True(strict.TrainingAtThreshold.PqlRate < simulated.AtFifteenPercent.TrainingAtThreshold.PqlRate);
    }

    [Fact]
    public void TargetsMustBeOneOfRateOrPrecision() =>
        Assert.Throws<ArgumentException>(() => simulated.Calibrate(new CalibrationTarget(0.1, 0.3)));

    [Fact]
    public void CutOffsNeverLetALabelReachIntoTheValidationPeriod()
    {
        var first = new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.Zero);
        var split = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var cutOffs = WeightCalibration.CutOffs(first, split, TimeSpan.FromDays(21), TimeSpan.FromDays(7));

        Assert.Equal(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), cutOffs[0]);
        Assert.All(cutOffs, c => Assert.True(c + TimeSpan.FromDays(21) <= split));
    }
}
