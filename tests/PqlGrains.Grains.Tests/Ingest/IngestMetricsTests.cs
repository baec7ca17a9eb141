using Microsoft.Extensions.Options;
using PqlGrains.Grains.Ingest;
using PqlGrains.Grains.Tests.Infrastructure;

namespace PqlGrains.Grains.Tests.Ingest;

public sealed class IngestMetricsTests : IDisposable
{
    private readonly RecordedMeasurements _recorded = new();
    private readonly IngestMetrics _metrics;

    public IngestMetricsTests()
    {
        _metrics = new IngestMetrics(_recorded.Meters, Options.Create(new IngestOptions { Partitions = 4 }));
    }

    [Fact]
    public void The_lag_gauge_reports_logged_minus_dispatched_for_each_hosted_partition_until_it_is_released()
    {
        _metrics.Progress(1, loggedUpTo: 500, dispatchedUpTo: 120);
        _metrics.Progress(3, loggedUpTo: 40, dispatchedUpTo: 40);

        var hosted = _recorded.Observe("pql.ingest.dispatch.lag");
        _metrics.Released(1);
        var afterRelease = _recorded.Observe("pql.ingest.dispatch.lag");

        Assert.Equal([(380L, 1), (0L, 3)], hosted.Select(lag => (lag.Value, (int)lag.Tags.Single(tag => tag.Key == "partition").Value!)));
        Assert.Equal([(0L, 3)], afterRelease.Select(lag => (lag.Value, (int)lag.Tags.Single(tag => tag.Key == "partition").Value!)));
    }

    [Fact]
    public void Logged_and_dispatched_events_are_counted_per_partition_and_a_partition_outside_the_layout_is_ignored()
    {
        _metrics.Logged(2, 100);
        _metrics.Logged(2, 50);
        _metrics.Logged(0, 7);
        _metrics.Logged(9, 1000);
        _metrics.Dispatched(2, 120);

        Assert.Equal(150, _recorded.Sum("pql.ingest.events.logged", new("partition", 2)));
        Assert.Equal(157, _recorded.Sum("pql.ingest.events.logged"));
        Assert.Equal(120, _recorded.Sum("pql.ingest.events.dispatched", new("partition", 2)));
    }

    [Fact]
    public void Apply_calls_and_the_events_they_carry_give_events_per_grain_call()
    {
        _metrics.UserApplies(calls: 40, events: 100);
        _metrics.UserApplies(calls: 10, events: 10);

        Assert.Equal(50, _recorded.Sum("pql.ingest.user_apply.calls"));
        Assert.Equal(110, _recorded.Sum("pql.ingest.user_apply.events"));
    }

    public void Dispose() => _recorded.Dispose();
}
