using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;

namespace PqlGrains.Calibration.Replay;

/// <summary>
/// Replays events in event-time order through the scoring engine, single-threaded, the way the
/// live user and account grains apply them, and records what a backtest needs per subject:
/// activity days, score highs, tier crossings and signals fired. The score after every event
/// that changed a state is computed at that event's own time with the engine's allocation-free
/// <c>ScoreAt</c>; the full evaluation (suppression, tier, breakdown) runs only when that score could
/// move a flag, a tier or a first-fired signal.
/// </summary>
public static class BacktestReplay
{
    public static ReplayResult Run(PqlDefinition definition, IReadOnlyList<ScoringEvent> events, SubjectLevel level)
    {
        var tierNames = definition.Tiers.Select(t => t.Name).ToArray();
        var userSignals = definition.Signals.Count;
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
                    var score = user.State.ScoreAt(scoringEvent.Timestamp);
                    if (user.Replay.NeedsEvaluation(score, scoringEvent.Timestamp, userSignals, !isActivity))
                    {
                        user.Replay.Record(user.State.Evaluate(scoringEvent.Timestamp), tierNames);
                    }

                    user.Replay.LastScore = score;
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
                accountChanged |= account.State.ReportMember(scoringEvent.UserId, user.State.ScoreAt(scoringEvent.Timestamp), scoringEvent.Timestamp);
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
