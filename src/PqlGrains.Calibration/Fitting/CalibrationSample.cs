namespace PqlGrains.Calibration.Fitting;

/// <summary>One subject at one cut-off: its per-signal decayed points then, and whether it converted soon after.</summary>
public sealed record CalibrationSample(string SubjectId, DateTimeOffset CutOff, double[] Features, bool Converted);
