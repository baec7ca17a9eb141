using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;

namespace PqlGrains.Cli.Scoring;

/// <summary>
/// Scores a set of events the way the cluster does: one state per user, one per account (the
/// account's own signals over its members' events plus the rollup of its members' scores).
/// </summary>
internal static class ScoreRun
{
    /// <summary>
    /// Users then accounts, each sorted by id. Events after <paramref name="at"/> are left out (a
    /// point-in-time score); a user's repeated messageId counts once.
    /// </summary>
    public static IReadOnlyList<ScoredEntity> Score(PqlDefinition definition, IEnumerable<ScoringEvent> events, DateTimeOffset at)
    {
        var users = new SortedDictionary<string, ScoringState>(StringComparer.Ordinal);
        var membership = new Dictionary<string, (DateTimeOffset At, string GroupId)>(StringComparer.Ordinal);
        // The gateway's event log refuses a messageId it already holds however late the copy comes,
        // while a scoring state remembers only the last few dozen: deduplicate the file the same way.
        var delivered = new HashSet<(string UserId, string MessageId)>();
        var known = events.Where(e => e.Timestamp <= at && delivered.Add((e.UserId, e.MessageId))).ToList();
        foreach (var e in known)
        {
            if (!users.TryGetValue(e.UserId, out var state))
            {
                users[e.UserId] = state = definition.CreateUserState();
            }

            state.Apply(e);
            if (e.GroupId is { } groupId && (!membership.TryGetValue(e.UserId, out var held) || e.Timestamp >= held.At))
            {
                membership[e.UserId] = (e.Timestamp, groupId);
            }
        }

        var scored = users.Select(u => new ScoredEntity("user", u.Key, u.Value.Evaluate(at))).ToList();
        var accounts = new SortedDictionary<string, AccountScoringState>(StringComparer.Ordinal);
        foreach (var (userId, (_, groupId)) in membership)
        {
            if (!accounts.ContainsKey(groupId))
            {
                accounts[groupId] = definition.CreateAccountState();
            }
        }

        foreach (var e in known)
        {
            if (membership.TryGetValue(e.UserId, out var member))
            {
                accounts[member.GroupId].Apply(e);
            }
        }

        foreach (var user in scored)
        {
            if (membership.TryGetValue(user.Id, out var member))
            {
                accounts[member.GroupId].ReportMember(user.Id, user.Result.Score, at);
            }
        }

        scored.AddRange(accounts.Select(a => new ScoredEntity("account", a.Key, a.Value.Evaluate(at))));
        return scored;
    }
}
