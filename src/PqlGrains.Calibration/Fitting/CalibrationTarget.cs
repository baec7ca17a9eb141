using System.Globalization;

namespace PqlGrains.Calibration.Fitting;

/// <summary>What the calibrated threshold aims for on the training period: a PQL rate sales can handle, or a minimum precision.</summary>
public sealed record CalibrationTarget(double? PqlRate, double? Precision)
{
    public static CalibrationTarget Rate(double pqlRate) => new(pqlRate, null);

    public static CalibrationTarget MinimumPrecision(double precision) => new(null, precision);

    public void Validate()
    {
        if (PqlRate is null == Precision is null)
        {
            throw new ArgumentException("Give exactly one of --target-rate (share of active users to flag, e.g. 0.15) or --target-precision (e.g. 0.35).");
        }

        if (PqlRate is { } rate && rate is <= 0 or >= 1)
        {
            throw new ArgumentException($"--target-rate must be between 0 and 1, e.g. 0.15 (got {rate}).");
        }

        if (Precision is { } precision && precision is <= 0 or >= 1)
        {
            throw new ArgumentException($"--target-precision must be between 0 and 1, e.g. 0.35 (got {precision}).");
        }
    }

    public override string ToString() => PqlRate is { } rate
        ? $"PQL rate {(rate * 100).ToString("0.#", CultureInfo.InvariantCulture)}%"
        : $"precision at least {(Precision!.Value * 100).ToString("0.#", CultureInfo.InvariantCulture)}%";
}
