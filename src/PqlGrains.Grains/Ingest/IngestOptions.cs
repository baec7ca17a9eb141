namespace PqlGrains.Grains.Ingest;

/// <summary>Ingest partitioning and group commit, bound from <c>Pql:Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Pql:Ingest";

    /// <summary>
    /// Few partitions make each gateway batch touch few partition grains and each dispatch round
    /// carry many events per user: on two cores 8 partitions cost the silo 27 us per event at 10K
    /// users against 35 us for 16 and ~20-21 us against 15 and 10 us at 1K users for 64, 16 and 8
    /// (bench/load.sh, README Benchmarks). A partition is one activation, so clusters of more than
    /// a handful of silos want more (16-64), chosen before the first event.
    /// </summary>
    public const int DefaultPartitions = 8;

    /// <summary>
    /// Number of ingest partitions users hash into. Fixed for the life of a log: changing it
    /// moves users to partitions whose sequence numbers they have not seen.
    /// </summary>
    public int Partitions { get; set; } = DefaultPartitions;

    /// <summary>Most events one dispatch round forwards to user grains.</summary>
    public int MaxDispatchBatch { get; set; } = 4096;

    /// <summary>
    /// Events per second per partition above which dispatch rounds are spaced <see cref="BusyDispatchInterval"/> apart.
    /// The default (32K events/s over 8 partitions) leaves moderate traffic, such as the leads latency benchmark's
    /// 10K events/s, dispatched as soon as the previous round is applied.
    /// </summary>
    public int BusyPartitionRate { get; set; } = 4000;

    /// <summary>
    /// Under heavy traffic, the least time between the starts of two dispatch rounds of one partition: a user's events
    /// of that interval reach it in one call instead of about one call each. In bench/load.sh (10K users, 100K events/s)
    /// 200 ms took Apply calls from 0.98 to 0.39-0.41 per event, allocations from 2.1 to 1.5 KB per event and silo
    /// CPU per event by about 15% (README Benchmarks). It adds at most this much to the delay between logging and
    /// scoring, only above <see cref="BusyPartitionRate"/>; acknowledgements wait for the log only. Zero turns it off.
    /// </summary>
    public TimeSpan BusyDispatchInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Logged-but-undispatched events above which appends wait for dispatch (backpressure).</summary>
    public int MaxUndispatchedEvents { get; set; } = 100_000;

    /// <summary>Most logged events a partition keeps in memory for dispatch; beyond it dispatch re-reads the log.</summary>
    public int MaxBufferedEvents { get; set; } = 50_000;

    /// <summary>How often a partition persists its dispatched-up-to watermark.</summary>
    public TimeSpan WatermarkInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Period of the reminder that reactivates a partition after a crash so undispatched events
    /// reach their users without new traffic. Zero disables it (tests without a reminder service).
    /// </summary>
    public TimeSpan KeepAlivePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>First delay before a failed user dispatch is retried; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
}
