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
            return Task.FromResult(log.DeleteOldest(Math.Min(throughSequence, log.LoggedAt.LoggedBefore(loggedBefore)), limit));
        }
    }

    public Task<int> DeleteUserAsync(int partition, string userId, long throughSequence, CancellationToken cancellationToken)
    {
        var log = LogOf(partition);
        lock (log)
        {
            return Task.FromResult(log.Erase(userId, throughSequence));
        }
    }

    private sealed partial class PartitionLog
    {
        /// <summary>
        /// Deletes up to <paramref name="limit"/> events from the front, none above <paramref name="through"/>.
        /// Front deletion only moves <see cref="FirstLive"/>: indexes never shift, so the users' chains stay valid
        /// and end where they reach it.
        /// </summary>
        public int DeleteOldest(long through, int limit)
        {
            var deleted = 0;
            var index = FirstLive;
            for (; index < Count && deleted < limit && this[index].Sequence <= through; index++)
            {
                ref readonly var entry = ref this[index];
                if (NewestOfUser.TryGetValue(entry.UserId, out var newest) && newest == index)
                {
                    NewestOfUser.Remove(entry.UserId);
                }

                // Erased entries were counted when erased; they only leave the live range here.
                deleted += entry.Erased ? 0 : 1;
            }

            if (index == FirstLive)
            {
                return 0;
            }

            var releasedBefore = FirstLive;
            FirstLive = index;
            LoggedAt.ForgetThrough(this[index - 1].Sequence);
            _messageIds.PruneDeleted(deleted);
            for (var chunk = releasedBefore >> ChunkShift; (chunk + 1) << ChunkShift <= FirstLive && chunk < _chunks.Count - 1; chunk++)
            {
                _chunks[chunk] = null;
            }

            _pages.ReleaseBefore(FirstLive < Count ? this[FirstLive].Position.Page : int.MaxValue);
            return deleted;
        }

        /// <summary>Erases the user's events through <paramref name="through"/>; later ones are new data and stay.</summary>
        public int Erase(string userId, long through)
        {
            var erased = 0;
            var newestLive = -1;
            for (var index = NewestOfUser.GetValueOrDefault(userId, -1); index >= FirstLive; index = this[index].PreviousOfUser)
            {
                ref var entry = ref _chunks[index >> ChunkShift]![index & ChunkMask];
                if (entry.Erased)
                {
                    continue;
                }

                if (entry.Sequence > through)
                {
                    newestLive = newestLive < 0 ? index : newestLive;
                    continue;
                }

                _pages.Erase(entry.Position);
                entry = entry with { Erased = true };
                erased++;
            }

            if (newestLive < 0)
            {
                NewestOfUser.Remove(userId);
            }

            _messageIds.PruneDeleted(erased);
            return erased;
        }
    }
}
