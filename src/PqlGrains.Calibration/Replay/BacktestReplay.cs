using System.Runtime.CompilerServices;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;

namespace PqlGrains.Calibration.Replay;

/// <summary>
/// Replays events in event-time order through the scoring engine, single-threaded, the way the live user and
/// account grains apply them, and records what a backtest needs per subject: activity days, score highs, tier
/// crossings and signals fired. After every applied event a user's tier is checked at that event's own time with
/// <see cref="TierCrossings"/>, the rule the user grain runs, on the engine's cached <c>ScoringState.ScoreAt</c>
/// (it re-reads only the signals the event touched); the full evaluation runs only to learn which signal fired.
/// </summary>
public static class BacktestReplay
{
    private const int RecentIdSlots = 1 << 14;

    /// <param name="keepStates">
    /// Keep each subject's scoring state after the replay, for <see cref="SubjectReplay.EvaluateAt"/> (a comparison with a
    /// running cluster); a backtest or calibration leaves it off, so a subject's state is freed once its events are replayed.
    /// </param>
    public static ReplayResult Run(PqlDefinition definition, IReadOnlyList<ScoringEvent> events, SubjectLevel level, bool keepStates = false) =>
        level == SubjectLevel.User ? RunUsers(definition, events, keepStates) : RunAccounts(definition, events, keepStates);

    /// <summary>
    /// Users are independent, so each user's events are replayed together (still in event-time order): the
    /// user's state stays in the CPU cache instead of being fetched again for every event of the history. The events
    /// are first matched in history order (the order they lie in memory) into rows grouped by user, so the per-user
    /// pass reads consecutive rows instead of fetching events, their strings and properties from all over the heap.
    /// </summary>
    private static ReplayResult RunUsers(PqlDefinition definition, IReadOnlyList<ScoringEvent> events, bool keepStates)
    {
        var (userIds, starts, userOf) = GroupByUser(events);
        var matched = new MatchedEvents(definition, events.Count);
        var next = starts[..^1];
        for (var i = 0; i < events.Count; i++)
        {
            matched.Match(next[userOf[i]]++, events[i]);
        }

        var subjects = new Dictionary<string, SubjectReplay>(userIds.Count, StringComparer.Ordinal);
        for (var user = 0; user < userIds.Count; user++)
        {
            var state = definition.CreateUserState();
            var replay = new SubjectReplay(userIds[user], definition, keepStates ? state.Evaluate : null);
            subjects.Add(userIds[user], replay);
            for (var k = starts[user]; k < starts[user + 1]; k++)
            {
                var timestamp = matched.TimestampAt(k);
                if (matched.TypeAt(k) is EventType.Track or EventType.Page or EventType.Screen)
                {
                    replay.MarkActive(timestamp);
                }

                var outcome = state.Apply(matched, k);
                if ((outcome & ApplyOutcome.Duplicate) == 0)
                {
                    replay.ObserveUser(state, timestamp, (outcome & ApplyOutcome.Changed) != 0);
                }
            }
        }

        return new ReplayResult(definition, SubjectLevel.User, events.Count, subjects);
    }

    /// <summary>
    /// Users in order of first appearance, where each user's events start in a user-grouped order (plus the end), and each
    /// event's user. Events parsed together share one string instance per user id, so a small table keyed by the instance
    /// settles most events without hashing and comparing the id; the dictionary by value decides the rest.
    /// </summary>
    private static (List<string> UserIds, int[] Starts, int[] UserOf) GroupByUser(IReadOnlyList<ScoringEvent> events)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var userIds = new List<string>();
        var counts = new List<int>();
        var userOf = new int[events.Count];
        var recentIds = new string?[RecentIdSlots];
        var recentUsers = new int[RecentIdSlots];
        for (var i = 0; i < events.Count; i++)
        {
            var userId = events[i].UserId ?? throw new ArgumentException($"Event '{events[i].MessageId}' has no user id; every replayed event needs its userId (or anonymousId).", nameof(events));
            var slot = RuntimeHelpers.GetHashCode(userId) & (RecentIdSlots - 1);
            if (!ReferenceEquals(recentIds[slot], userId))
            {
                if (!indexOf.TryGetValue(userId, out var added))
                {
                    added = userIds.Count;
                    indexOf.Add(userId, added);
                    userIds.Add(userId);
                    counts.Add(0);
                }

                recentIds[slot] = userId;
                recentUsers[slot] = added;
            }

            var user = recentUsers[slot];
            userOf[i] = user;
            counts[user]++;
        }

        var starts = new int[userIds.Count + 1];
        for (var user = 0; user < userIds.Count; user++)
        {
            starts[user + 1] = starts[user] + counts[user];
        }

        return (userIds, starts, userOf);
    }

    /// <summary>Accounts roll up several users' scores, so the history is replayed in one event-time pass.</summary>
    private static ReplayResult RunAccounts(PqlDefinition definition, IReadOnlyList<ScoringEvent> events, bool keepStates)
    {
        var users = new Dictionary<string, ScoringState>(StringComparer.Ordinal);
        var accounts = new Dictionary<string, (AccountScoringState State, SubjectReplay Replay)>(StringComparer.Ordinal);
        var subjects = new Dictionary<string, SubjectReplay>(StringComparer.Ordinal);
        foreach (var scoringEvent in events)
        {
            if (!users.TryGetValue(scoringEvent.UserId, out var user))
            {
                user = definition.CreateUserState();
                users.Add(scoringEvent.UserId, user);
            }

            var outcome = user.Apply(scoringEvent);
            if (scoringEvent.GroupId is not { } accountId)
            {
                continue;
            }

            if (!accounts.TryGetValue(accountId, out var account))
            {
                var state = definition.CreateAccountState();
                account = (state, new SubjectReplay(accountId, definition, keepStates ? state.Evaluate : null));
                accounts.Add(accountId, account);
                subjects.Add(accountId, account.Replay);
            }

            if (scoringEvent.Type is EventType.Track or EventType.Page or EventType.Screen)
            {
                account.Replay.MarkActive(scoringEvent.Timestamp);
            }

            var accountChanged = (account.State.Apply(scoringEvent) & ApplyOutcome.Changed) != 0;
            if ((outcome & ApplyOutcome.Changed) != 0)
            {
                accountChanged |= account.State.ReportMember(scoringEvent.UserId, user.ScoreAt(scoringEvent.Timestamp), scoringEvent.Timestamp);
            }

            if (accountChanged)
            {
                account.Replay.ObserveAccount(account.State.Evaluate(scoringEvent.Timestamp));
            }
        }

        return new ReplayResult(definition, SubjectLevel.Account, events.Count, subjects);
    }
}
