namespace PqlGrains.Grains.Tests.Infrastructure;

/// <summary>The ingest cluster with a one-hour user settle window: anything published during a test did not wait for it.</summary>
public sealed class LongSettleClusterFixture : IngestClusterFixture
{
    protected override TimeSpan UserSettleDelay => TimeSpan.FromHours(1);
}
