using PqlGrains.Abstractions.Accounts;
using PqlGrains.Abstractions.Privacy;

namespace PqlGrains.Grains.Users;

/// <summary>
/// Erasure on request. The user keeps only a fence: the partition's last sequence when it was erased. Events at or
/// below it (a dispatch still in flight) are skipped like any applied sequence; events logged after it are new data
/// and make the user known again.
/// </summary>
internal sealed partial class UserGrain
{
    public async Task<UserErasure> Erase()
    {
        var previous = _state.State;
        var through = Math.Max(previous.AppliedSequence, await _log.GetLastSequenceAsync(_partition, CancellationToken.None));
        var deleted = await _log.DeleteUserAsync(_partition, UserId, through, CancellationToken.None);
        var known = previous.EventsApplied > 0 || deleted > 0;
        if (!known && !_state.RecordExists)
        {
            // Never seen: writing a fence would store the id someone asked about.
            DeactivateOnIdle();
            return new UserErasure(false, 0, [], through);
        }

        string[] accounts = [.. new[] { previous.AccountId, previous.ReportedAccountId }.OfType<string>().Distinct(StringComparer.Ordinal)];
        foreach (var accountId in accounts)
        {
            await _accounts[accountId].RemoveMember(UserId);
        }

        // A settle already scheduled finds nothing unsettled and reports nothing.
        _unsettled = false;
        _tierRose = false;
        ResetToEmpty();
        var fenced = _state.State;
        fenced.PublishedTier = null;
        fenced.ReportedAccountId = null;
        fenced.Recent = new UserRecentActivity();
        fenced.AppliedSequence = through;
        fenced.AccountSavedSequence = through;
        fenced.ErasedThroughSequence = through;

        // Any rebuild from the log starts at the fence (ResetToEmpty keeps it): nothing of the user is left below it.
        await SaveAsync(CancellationToken.None);
        DeactivateOnIdle();
        return new UserErasure(known, deleted, accounts, through);
    }
}
