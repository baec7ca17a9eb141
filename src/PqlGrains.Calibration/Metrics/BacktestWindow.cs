namespace PqlGrains.Calibration.Metrics;

/// <summary>
/// The period a backtest judges: flags and conversions count when they fall in [From, To];
/// a flag is a true positive when its subject converts within <see cref="Horizon"/> after it.
/// </summary>
public readonly record struct BacktestWindow(DateTimeOffset From, DateTimeOffset To, TimeSpan Horizon)
{
    public static TimeSpan DefaultHorizon { get; } = TimeSpan.FromDays(60);

    public bool Contains(DateTimeOffset at) => at >= From && at <= To;
}
