using PqlGrains.Calibration.Outcomes;

namespace PqlGrains.Calibration.Fitting;

/// <summary>One subject at one cut-off: its per-signal decayed points then, whether it converted soon after, and why it is labelled so.</summary>
public sealed record CalibrationSample(string SubjectId, DateTimeOffset CutOff, double[] Features, bool Converted, LabelSource Source);
