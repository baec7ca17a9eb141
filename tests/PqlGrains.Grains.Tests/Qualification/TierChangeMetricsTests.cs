using Microsoft.Extensions.Logging.Abstractions;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Qualification;
using PqlGrains.Grains.Tests.Infrastructure;

namespace PqlGrains.Grains.Tests.Qualification;

public sealed class TierChangeMetricsTests : IDisposable
{
    private readonly RecordedMeasurements _recorded = new();

    [Fact]
    public async Task A_change_an_observer_refused_counts_once_when_it_is_published_again_and_taken()
    {
        var flaky = new FlakyObserver(failures: 2);
        var publisher = new TierChangePublisher([new TakingObserver(), flaky], new TierChangeMetrics(_recorded.Meters), NullLogger<TierChangePublisher>.Instance);
        var change = new TierChanged(SubjectKind.User, "u1", null, "hot", 80, "v1", DateTimeOffset.UnixEpoch, RouteImmediately: false);

        Assert.False(await publisher.PublishAsync(change, CancellationToken.None));
        Assert.False(await publisher.PublishAsync(change, CancellationToken.None));
        Assert.Equal(0, _recorded.Sum("pql.tier_changes.published"));

        Assert.True(await publisher.PublishAsync(change, CancellationToken.None));
        Assert.Equal(1, _recorded.Sum("pql.tier_changes.published", new("subject", "user")));
    }

    public void Dispose() => _recorded.Dispose();

    private sealed class TakingObserver : ITierChangeObserver
    {
        public Task OnTierChangedAsync(TierChanged change, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class FlakyObserver(int failures) : ITierChangeObserver
    {
        private int _failuresLeft = failures;

        public Task OnTierChangedAsync(TierChanged change, CancellationToken cancellationToken) =>
            _failuresLeft-- > 0 ? Task.FromException(new InvalidOperationException("observer down")) : Task.CompletedTask;
    }
}
