namespace PqlGrains.IntegrationTests.Hosting;

/// <summary>
/// Wall-clock time that follows the system until a test sets it, so grains evaluate scores at an
/// instant the test also hands the engine. Only the wall clock is set: timestamps and timers stay
/// real, so grain timers and settle windows keep running. Orleans stamps message deadlines with this
/// clock and checks some of them against real time: set it ahead of now by more than the test lasts,
/// never behind (a clock in the past expires every grain call, and the gateway answers 503).
/// </summary>
internal sealed class SettableClock : TimeProvider
{
    private long _setTicks = -1;

    public override DateTimeOffset GetUtcNow()
    {
        var ticks = Interlocked.Read(ref _setTicks);
        return ticks < 0 ? base.GetUtcNow() : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>From now on the wall clock reads <paramref name="at"/>, which must not be in the past.</summary>
    public void Set(DateTimeOffset at)
    {
        if (at < base.GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "Orleans computes message deadlines from this clock: a time in the past expires every grain call.");
        }

        Interlocked.Exchange(ref _setTicks, at.UtcTicks);
    }
}
