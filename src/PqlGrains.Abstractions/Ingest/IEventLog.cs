using PqlGrains.Scoring.Events;

namespace PqlGrains.Abstractions.Ingest;

/// <summary>
/// The durable, partitioned ingest log. Each partition is an increasing sequence starting at 1;
/// exactly one partition grain appends to a partition at a time, and the log refuses a
/// sequence number it already holds so a second writer fails instead of forking the log.
/// A messageId is logged at most once per partition (a user always hashes to the same
/// partition): a resent event is dropped at append, leaving a gap in the sequence.
/// </summary>
public interface IEventLog
{
    /// <summary>Highest sequence number logged in <paramref name="partition"/>, 0 when empty.</summary>
    Task<long> GetLastSequenceAsync(int partition, CancellationToken cancellationToken);

    /// <summary>
    /// Durably appends <paramref name="events"/> as sequences <paramref name="firstSequence"/>,
    /// +1, ... in one round trip, skipping events whose messageId the partition already holds.
    /// Returns the events logged, in order. Throws <see cref="EventLogConflictException"/> when
    /// <paramref name="firstSequence"/> is not above the partition's last sequence.
    /// </summary>
    Task<LoggedEvent[]> AppendAsync(int partition, long firstSequence, IReadOnlyList<ScoringEvent> events, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> events of a partition after <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<LoggedEvent>> ReadPartitionAsync(int partition, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Every event of one user in <paramref name="partition"/> after <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<LoggedEvent>> ReadUserAsync(int partition, string userId, long afterSequence, CancellationToken cancellationToken);
}
