using PqlGrains.Calibration.Metrics;

namespace PqlGrains.Calibration.Fitting;

/// <summary>
/// The calibrated definition (YAML text) and the evidence for it: the training metrics at the
/// chosen threshold (over <see cref="ThresholdWindow"/>, the end of the training period), validation-period metrics of the
/// calibrated definition, of the base at the same PQL rate, and of the base as shipped.
/// </summary>
public sealed record CalibrationOutcome(
    string Yaml,
    string Summary,
    string Version,
    LogisticModel Model,
    TrainingSet TrainingSet,
    BacktestWindow Training,
    BacktestWindow Validation,
    BacktestWindow ThresholdWindow,
    QualificationMetrics TrainingAtThreshold,
    QualificationMetrics Calibrated,
    QualificationMetrics BaseAtSameRate,
    double BaseThresholdAtSameRate,
    QualificationMetrics BaseAsShipped,
    IReadOnlyList<WeightChange> Weights)
{
    public int TrainingSamples => TrainingSet.Samples.Count;

    public int TrainingPositives => TrainingSet.Samples.Count(s => s.Converted);
}
