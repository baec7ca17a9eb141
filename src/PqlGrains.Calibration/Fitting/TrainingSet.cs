namespace PqlGrains.Calibration.Fitting;

/// <summary>The training snapshots, and how many a too_early verdict left out.</summary>
public sealed record TrainingSet(IReadOnlyList<CalibrationSample> Samples, int LeftOutTooEarly);
