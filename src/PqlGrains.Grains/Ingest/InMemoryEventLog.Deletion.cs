using PqlGrains.Abstractions.Ingest;

namespace PqlGrains.Grains.Ingest;

/// <summary>Retention and erasure: deleting events never lowers a partition's last sequence.</summary>
public sealed partial class InMemoryEventLog
{
    public Task<int> DeleteExpiredAsync(int partition, DateTimeOffset loggedBefore, long throughSequence, int limit, CancellationToken cancellationToken)
    {
        var log = LogOf(partition);
        lock (log)
        {
            var through = Math.Min(throughSequence, log.LoggedAt.LoggedBefore(loggedBefore));
            var count = Math.Min(limit, FirstIndexAfter(log.Events, through));
            if (count <= 0)
            {
                return Task.FromResult(0);
            }

            var removedPerUser = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var gone = log.Events[i].Event;
                log.MessageIds.Remove(gone.MessageId);
                removedPerUser[gone.UserId] = removedPerUser.GetValueOrDefault(gone.UserId) + 1;
            }

            log.LoggedAt.ForgetThrough(log.Events[count - 1].Sequence);
            log.Events.RemoveRange(0, count);
            log.Removed += count;

            // A user's positions are in log order, so the deleted ones are each user's first.
            foreach (var (userId, removed) in removedPerUser)
            {
                var positions = log.ByUser[userId];
                if (positions.Count == removed)
                {
                    log.ByUser.Remove(userId);
                }
                else
                {
                    positions.RemoveRange(0, removed);
                }
            }

            return Task.FromResult(count);
        }
    }

    public Task<int> DeleteUserAsync(int partition, string userId, long throughSequence, CancellationToken cancellationToken)
    {
        var log = LogOf(partition);
        lock (log)
        {
            if (!log.ByUser.TryGetValue(userId, out var erased))
            {
                return Task.FromResult(0);
            }

            foreach (var position in erased)
            {
                var logged = log.Events[position - log.Removed];
                if (logged.Sequence <= throughSequence)
                {
                    log.MessageIds.Remove(logged.Event.MessageId);
                }
            }

            var deleted = log.Events.RemoveAll(logged => logged.Sequence <= throughSequence && string.Equals(logged.Event.UserId, userId, StringComparison.Ordinal));

            // Erasure is rare and removes from the middle of the log: re-index rather than keep tombstones.
            log.ByUser.Clear();
            for (var i = 0; i < log.Events.Count; i++)
            {
                var owner = log.Events[i].Event.UserId;
                if (!log.ByUser.TryGetValue(owner, out var positions))
                {
                    positions = [];
                    log.ByUser.Add(owner, positions);
                }

                positions.Add(log.Removed + i);
            }

            return Task.FromResult(deleted);
        }
    }
}
