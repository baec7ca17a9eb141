using PqlGrains.Grains.Storage;

namespace PqlGrains.Grains.Tests.Storage;

public sealed class CoalescedStateWritesTests
{
    private readonly List<TaskCompletionSource> _started = [];

    private CoalescedStateWrites NewWrites() => new(() =>
    {
        var write = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _started.Add(write);
        return write.Task;
    });

    [Fact]
    public async Task Changes_made_during_a_write_share_the_one_write_that_follows_it()
    {
        var writes = NewWrites();

        var first = writes.SaveAsync();
        var second = writes.SaveAsync();
        var third = writes.SaveAsync();

        Assert.Single(_started);
        Assert.Same(second, third);
        _started[0].SetResult();
        await first;
        await WaitForWritesAsync(2);
        Assert.False(second.IsCompleted, "a change made during the first write is stored only by the second");

        _started[1].SetResult();
        await Task.WhenAll(second, third);
        Assert.Equal(2, _started.Count);
    }

    [Fact]
    public async Task A_change_after_the_queued_write_started_waits_for_a_write_of_its_own()
    {
        var writes = NewWrites();
        var first = writes.SaveAsync();
        var second = writes.SaveAsync();
        _started[0].SetResult();
        await WaitForWritesAsync(2);

        var third = writes.SaveAsync();

        Assert.NotSame(second, third);
        _started[1].SetResult();
        await second;
        await WaitForWritesAsync(3);
        Assert.False(third.IsCompleted);
        _started[2].SetResult();
        await Task.WhenAll(first, third);
    }

    [Fact]
    public async Task A_failed_write_fails_its_callers_and_the_queued_write_still_stores_the_later_changes()
    {
        var writes = NewWrites();
        var first = writes.SaveAsync();
        var second = writes.SaveAsync();

        _started[0].SetException(new InvalidOperationException("storage down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await WaitForWritesAsync(2);
        _started[1].SetResult();
        await second;
    }

    [Fact]
    public async Task With_spacing_a_queued_write_waits_while_a_lone_write_after_a_quiet_spell_starts_at_once()
    {
        var writes = new CoalescedStateWrites(
            () =>
            {
                var write = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _started.Add(write);
                return write.Task;
            },
            spacing: TimeSpan.FromHours(1));

        var first = writes.SaveAsync();
        Assert.Single(_started);
        var queued = writes.SaveAsync();
        _started[0].SetResult();
        await first;
        await Task.Delay(200);

        Assert.Single(_started);
        Assert.False(queued.IsCompleted, "the queued write waits out the spacing");
    }

    private async Task WaitForWritesAsync(int count)
    {
        for (var attempt = 0; attempt < 500 && _started.Count < count; attempt++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(count, _started.Count);
    }
}
