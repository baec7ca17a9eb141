namespace PqlGrains.IntegrationTests.Metrics;

/// <summary>
/// Meters are matched by name across the whole process, so a host's exporter would also count the events of hosts
/// that other test classes run beside it. These tests run alone, after the parallel ones, to read exact counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
