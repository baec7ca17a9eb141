using PqlGrains.Grains.Delivery;

namespace PqlGrains.Grains.Tests.Leads;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(3, 4, 8)]
    [InlineData(20, 150, 300)]
    public void Backoff_doubles_per_attempt_with_jitter_in_the_upper_half_and_stops_at_the_maximum(int attempt, double minSeconds, double maxSeconds)
    {
        var random = new Random(7);
        for (var i = 0; i < 100; i++)
        {
            var delay = RetryBackoff.Next(attempt, Initial, Max, retryAfter: null, random);
            Assert.InRange(delay.TotalSeconds, minSeconds, maxSeconds);
        }
    }

    [Fact]
    public void Server_Retry_After_longer_than_the_backoff_wins()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), RetryBackoff.Next(1, Initial, Max, TimeSpan.FromSeconds(30), new Random(1)));
    }

    [Fact]
    public void Jitter_spreads_retries_of_many_items()
    {
        var random = new Random(3);
        var delays = Enumerable.Range(0, 50).Select(_ => RetryBackoff.Next(4, Initial, Max, null, random)).Distinct().Count();
        Assert.True(delays > 40, $"only {delays} distinct delays out of 50");
    }
}
