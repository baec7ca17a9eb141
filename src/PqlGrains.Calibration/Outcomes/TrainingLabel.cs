namespace PqlGrains.Calibration.Outcomes;

/// <summary>A training snapshot's label and where it came from.</summary>
public readonly record struct TrainingLabel(bool Positive, LabelSource Source);
