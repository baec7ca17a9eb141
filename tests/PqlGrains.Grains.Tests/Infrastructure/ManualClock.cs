namespace PqlGrains.Grains.Tests.Infrastructure;

/// <summary>
/// A wall clock that runs with real time from <c>start</c> and that a test moves forward. It keeps running because
/// Orleans stamps message deadlines with the silo's clock and checks some of them against real time; for the same
/// reason, inside a cluster only ever move it ahead, never behind.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = (start - System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
