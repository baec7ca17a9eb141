using PqlGrains.Scoring.Events;

namespace PqlGrains.Abstractions.Ingest;

/// <summary>
/// The durable, partitioned ingest log. Each partition is a contiguous sequence starting at 1;
/// exactly one partition grain appends to a partition at a time, and the log refuses a
/// sequence number it already holds so a second writer fails instead of forking the log.
/// </summary>
public interface IEventLog
{
    /// <summary>Highest sequence number logged in <paramref name="partition"/>, 0 when empty.</summary>
    Task<long> GetLastSequenceAsync(int partition, CancellationToken cancellationToken);

    /// <summary>
    /// Durably appends <paramref name="events"/> as sequences <paramref name="firstSequence"/>,
    /// +1, ... in one round trip. Throws <see cref="EventLogConflictException"/> when any of
    /// those sequence numbers is already taken.
    /// </summary>
    Task AppendAsync(int partition, long firstSequence, IReadOnlyList<ScoringEvent> events, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> events of a partition after <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<LoggedEvent>> ReadPartitionAsync(int partition, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Every event of one user in <paramref name="partition"/> after <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<LoggedEvent>> ReadUserAsync(int partition, string userId, long afterSequence, CancellationToken cancellationToken);
}
