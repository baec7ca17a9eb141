using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;

namespace PqlGrains.Calibration.Replay;

/// <summary>
/// Replays events in event-time order through the scoring engine, single-threaded, the way the
/// live user and account grains apply them, and records what a backtest needs per subject:
/// activity days, score highs, tier crossings and signals fired. The score after every event
/// that changed a state is evaluated at that event's own time.
/// </summary>
public static class BacktestReplay
{
    public static ReplayResult Run(PqlDefinition definition, IReadOnlyList<ScoringEvent> events, SubjectLevel level)
    {
        var tierNames = definition.Tiers.Select(t => t.Name).ToArray();
        var users = new Dictionary<string, (ScoringState State, SubjectReplay Replay)>(StringComparer.Ordinal);
        var accounts = new Dictionary<string, (AccountScoringState State, SubjectReplay Replay)>(StringComparer.Ordinal);
        var subjects = new Dictionary<string, SubjectReplay>(StringComparer.Ordinal);
        foreach (var scoringEvent in events)
        {
            if (!users.TryGetValue(scoringEvent.UserId, out var user))
            {
                user = (definition.CreateUserState(), new SubjectReplay(scoringEvent.UserId));
                users.Add(scoringEvent.UserId, user);
            }

            var isActivity = scoringEvent.Type is EventType.Track or EventType.Page or EventType.Screen;
            if (isActivity)
            {
                user.Replay.MarkActive(scoringEvent.Timestamp);
            }

            var changed = (user.State.Apply(scoringEvent) & ApplyOutcome.Changed) != 0;
            if (level == SubjectLevel.User)
            {
                if (changed)
                {
                    user.Replay.Record(user.State.Evaluate(scoringEvent.Timestamp), tierNames);
                }

                continue;
            }

            if (scoringEvent.GroupId is not { } accountId)
            {
                continue;
            }

            if (!accounts.TryGetValue(accountId, out var account))
            {
                account = (definition.CreateAccountState(), new SubjectReplay(accountId));
                accounts.Add(accountId, account);
                subjects.Add(accountId, account.Replay);
            }

            if (isActivity)
            {
                account.Replay.MarkActive(scoringEvent.Timestamp);
            }

            var accountChanged = (account.State.Apply(scoringEvent) & ApplyOutcome.Changed) != 0;
            if (changed)
            {
                var userScore = user.State.Evaluate(scoringEvent.Timestamp);
                accountChanged |= account.State.ReportMember(scoringEvent.UserId, userScore.Score, scoringEvent.Timestamp);
            }

            if (accountChanged)
            {
                account.Replay.Record(account.State.Evaluate(scoringEvent.Timestamp), tierNames);
            }
        }

        if (level == SubjectLevel.User)
        {
            foreach (var (id, user) in users)
            {
                subjects.Add(id, user.Replay);
            }
        }

        return new ReplayResult(definition, level, events.Count, subjects);
    }
}
