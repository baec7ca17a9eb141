using PqlGrains.Calibration.Outcomes;
using PqlGrains.Calibration.Replay;

namespace PqlGrains.Calibration.Fitting;

/// <summary>Inputs of one calibration run (<c>pql calibrate</c>).</summary>
/// <param name="BaseYaml">The definition to start from; its signals and tiers are kept, its points refitted.</param>
/// <param name="Split">Start of the validation period (default: two thirds into the history, at midnight UTC).</param>
/// <param name="LabelWindow">A training sample is positive when the user converts within this time after its cut-off.</param>
/// <param name="Penalty">L2 penalty on the standardised coefficients.</param>
public sealed record CalibrationRequest(
    string BaseYaml,
    string BaseSource,
    EventHistory History,
    IReadOnlyList<ConversionRecord> Conversions,
    CalibrationTarget Target)
{
    public DateTimeOffset? Split { get; init; }

    public TimeSpan Horizon { get; init; } = Metrics.BacktestWindow.DefaultHorizon;

    public TimeSpan LabelWindow { get; init; } = TimeSpan.FromDays(21);

    public TimeSpan CutOffEvery { get; init; } = TimeSpan.FromDays(7);

    public double Penalty { get; init; } = 1.0;

    public string? Version { get; init; }

    /// <summary>Rep verdicts exported from a cluster; they shape the training labels (see <see cref="TrainingLabels"/>) and the threshold chosen on the training period, never the validation metrics.</summary>
    public IReadOnlyList<FeedbackRecord> Feedback { get; init; } = [];
}
