using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace PqlGrains.Calibration.Fitting;

/// <summary>
/// L2-penalised logistic regression fitted with Math.NET's L-BFGS on the mean negative
/// log-likelihood. Features are standardised before fitting (so one penalty suits signals worth 15
/// and 50 points alike) and the coefficients are mapped back to the original units. The intercept
/// is not penalised.
/// </summary>
public static class PenalizedLogisticRegression
{
    public static LogisticModel Fit(IReadOnlyList<CalibrationSample> samples, double penalty)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("No training samples: the training period has no active, unconverted users at any cut-off. Use a longer history or an earlier --split.");
        }

        if (samples.All(s => s.Converted) || samples.All(s => !s.Converted))
        {
            throw new ArgumentException("The training period needs both converters and non-converters to fit weights; check that the conversions file matches the events (same user ids, same dates).");
        }

        var width = samples[0].Features.Length;
        var (means, scales) = Standardisation(samples, width);
        var x = Matrix<double>.Build.Dense(samples.Count, width + 1, (row, column) =>
            column == 0 ? 1.0 : (samples[row].Features[column - 1] - means[column - 1]) / scales[column - 1]);
        var y = Vector<double>.Build.Dense(samples.Count, row => samples[row].Converted ? 1.0 : 0.0);
        var n = (double)samples.Count;

        (double, Vector<double>) Objective(Vector<double> beta)
        {
            var logits = x * beta;
            var loss = 0.0;
            var residuals = Vector<double>.Build.Dense(samples.Count);
            for (var i = 0; i < samples.Count; i++)
            {
                var z = logits[i];
                // log(1 + e^z) computed without overflow for large |z|.
                loss += (z > 0 ? z + double.LogP1(Math.Exp(-z)) : double.LogP1(Math.Exp(z))) - y[i] * z;
                residuals[i] = 1.0 / (1.0 + Math.Exp(-z)) - y[i];
            }

            var gradient = x.TransposeThisAndMultiply(residuals) / n;
            var penaltyLoss = 0.0;
            for (var j = 1; j <= width; j++)
            {
                penaltyLoss += beta[j] * beta[j];
                gradient[j] += penalty * beta[j] / n;
            }

            return (loss / n + 0.5 * penalty * penaltyLoss / n, gradient);
        }

        var minimizer = new LimitedMemoryBfgsMinimizer(1e-7, 1e-9, 1e-12, 7, 1_000);
        var result = minimizer.FindMinimum(ObjectiveFunction.Gradient(Objective), Vector<double>.Build.Dense(width + 1));
        var standardised = result.MinimizingPoint;
        var coefficients = new double[width];
        var intercept = standardised[0];
        for (var j = 0; j < width; j++)
        {
            coefficients[j] = standardised[j + 1] / scales[j];
            intercept -= coefficients[j] * means[j];
        }

        return new LogisticModel(intercept, coefficients, result.Iterations);
    }

    private static (double[] Means, double[] Scales) Standardisation(IReadOnlyList<CalibrationSample> samples, int width)
    {
        var means = new double[width];
        var scales = new double[width];
        for (var j = 0; j < width; j++)
        {
            var column = samples.Select(s => s.Features[j]).ToArray();
            means[j] = column.Average();
            var variance = column.Sum(v => (v - means[j]) * (v - means[j])) / column.Length;
            // A signal that never fired has no spread: keep scale 1 so its coefficient stays 0.
            scales[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1.0;
        }

        return (means, scales);
    }
}
