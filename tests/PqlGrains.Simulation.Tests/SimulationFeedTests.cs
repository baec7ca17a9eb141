using PqlGrains.Simulation;

namespace PqlGrains.Simulation.Tests;

public sealed class SimulationFeedTests
{
    [Fact]
    public void RebasingEndsTheSimulationAtTodaysUtcMidnight()
    {
        var rebased = SimulationFeed.EndingToday(new SimulationOptions { Days = 30 }, new DateTimeOffset(2026, 11, 22, 18, 5, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 10, 23, 0, 0, 0, TimeSpan.Zero), rebased.Start);
    }

    [Fact]
    public async Task AFastFeedDeliversTheWholeSimulationInOrderInBoundedBatches()
    {
        var options = new SimulationOptions { Users = 100, Accounts = 15, Days = 5, Seed = 3 };
        var expected = new ProductSimulator(options).Run().SelectMany(d => d.Messages).Select(m => m.MessageId).ToList();
        var received = new List<string>();
        await foreach (var batch in SimulationFeed.PlayAsync(options, speed: 1e9, TimeProvider.System, maxBatch: 50))
        {
            Assert.InRange(batch.Count, 1, 50);
            received.AddRange(batch.Select(m => m.MessageId));
        }

        Assert.Equal(expected, received);
    }

    [Fact]
    public async Task TheFeedHoldsBackEventsWhoseSimulatedTimeHasNotComeYet()
    {
        var options = new SimulationOptions { Users = 50, Accounts = 5, Days = 3, Seed = 3 };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            // One simulated hour per wall second: in 0.3 s the feed reaches only 07:18 of the first day.
            await foreach (var batch in SimulationFeed.PlayAsync(options, speed: 3_600, TimeProvider.System, cancellationToken: cancellation.Token))
            {
                received += batch.Count;
            }
        });
        var total = new ProductSimulator(options).Run().Sum(d => d.Messages.Count);
        Assert.True(received < total / 4, $"{received} of {total} events released early");
    }
}
