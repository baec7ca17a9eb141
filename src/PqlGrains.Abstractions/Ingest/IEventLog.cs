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
    /// <summary>
    /// Highest sequence number ever logged in <paramref name="partition"/>, 0 when nothing was: deleting events
    /// (retention, erasure) never lowers it, so a sequence is never handed out twice.
    /// </summary>
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

    /// <summary>
    /// Deletes, oldest first, up to <paramref name="limit"/> events of <paramref name="partition"/> that were
    /// logged before <paramref name="loggedBefore"/> and have a sequence at or below <paramref name="throughSequence"/>.
    /// Stops at the first event logged at or after <paramref name="loggedBefore"/>. Returns how many it deleted;
    /// idempotent, and safe beside appends.
    /// </summary>
    Task<int> DeleteExpiredAsync(int partition, DateTimeOffset loggedBefore, long throughSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes every event of <paramref name="userId"/> in <paramref name="partition"/> at or below <paramref name="throughSequence"/> (erasure). Returns how many.</summary>
    Task<int> DeleteUserAsync(int partition, string userId, long throughSequence, CancellationToken cancellationToken);
}
