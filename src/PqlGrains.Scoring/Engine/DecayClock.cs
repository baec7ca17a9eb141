using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Engine;

/// <summary>Maps instants to days and decay weights for one definition.</summary>
internal sealed class DecayClock
{
    private readonly TimeZoneInfo _timeZone;
    private readonly bool _isUtc;
    private readonly double[] _dailyWeights;

    public DecayClock(TimeZoneInfo timeZone, double halfLifeDays, DecayMode mode)
    {
        _timeZone = timeZone;
        _isUtc = timeZone == TimeZoneInfo.Utc || (timeZone.BaseUtcOffset == TimeSpan.Zero && !timeZone.SupportsDaylightSavingTime);
        HalfLifeDays = halfLifeDays;
        Mode = mode;

        // Whole-day weights within the horizon, computed by the same formula so lookups are bit-identical.
        _dailyWeights = new double[DecayHorizon.Days(halfLifeDays) + 1];
        for (var days = 0; days < _dailyWeights.Length; days++)
        {
            _dailyWeights[days] = Math.Pow(2, -(double)days / halfLifeDays);
        }
    }

    public double HalfLifeDays { get; }

    public DecayMode Mode { get; }

    /// <summary>
    /// True when a signal's reading cannot change between two instants of one calendar day: daily decay (same-day
    /// weight is exactly 1) in a zone whose day number never steps back (no daylight saving transitions).
    /// </summary>
    public bool ReadingsStableWithinDay => Mode == DecayMode.Daily && !_timeZone.SupportsDaylightSavingTime;

    public TimePoint At(DateTimeOffset instant) => At(instant.UtcTicks);

    public TimePoint At(long utcTicks)
    {
        var localTicks = utcTicks;
        if (!_isUtc)
        {
            localTicks += _timeZone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
        }

        var day = (int)(localTicks / TimeSpan.TicksPerDay);
        var x = Mode == DecayMode.Daily ? day : utcTicks / (double)TimeSpan.TicksPerDay;
        return new TimePoint(utcTicks, day, x);
    }

    /// <summary>2^(-(at - from)/h) in the decay coordinate.</summary>
    public double Weight(double fromX, double atX)
    {
        if (Mode == DecayMode.Daily && atX - fromX is >= 0 and var days && days < _dailyWeights.Length)
        {
            return _dailyWeights[(int)days];
        }

        return Math.Pow(2, (fromX - atX) / HalfLifeDays);
    }

    public double Weight(long fromUtcTicks, in TimePoint at) => Weight(At(fromUtcTicks).X, at.X);
}
