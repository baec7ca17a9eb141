namespace PqlGrains.Gateway.Tests;

/// <summary>A clock stopped at one instant, so receipt-time arithmetic is exact in assertions.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
