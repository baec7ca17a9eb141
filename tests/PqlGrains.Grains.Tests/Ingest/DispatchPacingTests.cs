using PqlGrains.Grains.Ingest;

namespace PqlGrains.Grains.Tests.Ingest;

public sealed class DispatchPacingTests
{
    private static readonly IngestOptions Options = new() { BusyPartitionRate = 1000, BusyDispatchInterval = TimeSpan.FromMilliseconds(100), MaxDispatchBatch = 500 };

    private readonly SteppedClock _clock = new();

    [Fact]
    public void A_partition_below_the_busy_rate_starts_its_next_round_at_once()
    {
        // 50 events over 100 ms is 500 events/s, under the 1000 configured.
        var pacing = AfterTwoRounds(Options, second: 50, gap: TimeSpan.FromMilliseconds(100));

        Assert.Equal(TimeSpan.Zero, pacing.DelayBeforeNextRound(backlog: 5));
    }

    [Fact]
    public void A_busy_partition_waits_until_the_interval_since_its_last_round_started()
    {
        var pacing = AfterTwoRounds(Options, second: 150, gap: TimeSpan.FromMilliseconds(100));
        _clock.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(TimeSpan.FromMilliseconds(70), pacing.DelayBeforeNextRound(backlog: 5));
    }

    [Fact]
    public void A_few_requests_arriving_together_do_not_make_the_partition_busy()
    {
        // 40 events 2 ms after the previous round would be 20K events/s, but the rate is judged over 100 ms.
        var pacing = AfterTwoRounds(Options, second: 40, gap: TimeSpan.FromMilliseconds(2));

        Assert.Equal(TimeSpan.Zero, pacing.DelayBeforeNextRound(backlog: 5));
    }

    [Fact]
    public void A_busy_partition_with_a_full_round_waiting_does_not_wait()
    {
        var pacing = AfterTwoRounds(Options, second: 400, gap: TimeSpan.FromMilliseconds(100));

        Assert.Equal(TimeSpan.Zero, pacing.DelayBeforeNextRound(backlog: Options.MaxDispatchBatch));
    }

    [Fact]
    public void The_first_round_after_a_pause_does_not_make_the_partition_busy()
    {
        var pacing = AfterTwoRounds(Options, second: 400, gap: TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.Zero, pacing.DelayBeforeNextRound(backlog: 5));
    }

    [Fact]
    public void By_default_a_partition_above_4000_events_per_second_waits_200_ms_between_rounds()
    {
        // 500 events in 100 ms is 5000 events/s: the defaults' busy rate is 4000.
        var pacing = AfterTwoRounds(new IngestOptions(), second: 500, gap: TimeSpan.FromMilliseconds(100));

        Assert.Equal(TimeSpan.FromMilliseconds(200), pacing.DelayBeforeNextRound(backlog: 5));
    }

    [Fact]
    public void By_default_a_partition_at_1250_events_per_second_is_not_paced()
    {
        // 10K events/s over the default 8 partitions, the leads latency benchmark's load.
        var pacing = AfterTwoRounds(new IngestOptions(), second: 125, gap: TimeSpan.FromMilliseconds(100));

        Assert.Equal(TimeSpan.Zero, pacing.DelayBeforeNextRound(backlog: 5));
    }

    [Fact]
    public void A_zero_interval_turns_pacing_off()
    {
        var off = new IngestOptions { BusyPartitionRate = 1, BusyDispatchInterval = TimeSpan.Zero };
        var pacing = AfterTwoRounds(off, second: 10, gap: TimeSpan.FromMilliseconds(100));

        Assert.Equal(TimeSpan.Zero, pacing.DelayBeforeNextRound(backlog: 5));
    }

    private DispatchPacing AfterTwoRounds(IngestOptions options, int second, TimeSpan gap)
    {
        var pacing = new DispatchPacing(options, _clock);
        pacing.RoundStarted(10);
        _clock.Advance(gap);
        pacing.RoundStarted(second);
        return pacing;
    }

    /// <summary>A timestamp source that only moves when the test says so.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks = TimeSpan.FromHours(1).Ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
