namespace PqlGrains.Calibration.Fitting;

/// <summary>A fitted logistic model in the features' own units: logit = intercept + sum(coefficient x feature).</summary>
public sealed record LogisticModel(double Intercept, IReadOnlyList<double> Coefficients, int Iterations);
