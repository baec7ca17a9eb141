namespace PqlGrains.Calibration.Fitting;

/// <summary>One signal's points before and after calibration, with the fitted log-odds per base point.</summary>
public sealed record WeightChange(string SignalId, double BasePoints, double CalibratedPoints, double Coefficient);
