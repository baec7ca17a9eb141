using PqlGrains.Calibration.Metrics;
using PqlGrains.Calibration.Replay;
using PqlGrains.Scoring.Definitions;
using static PqlGrains.Calibration.Tests.Replay.TestEvents;

namespace PqlGrains.Calibration.Tests.Replay;

public sealed class BacktestReplayTests
{
    private static readonly PqlDefinition Default = PqlDefinition.Default;

    [Fact]
    public void TheFlagIsTheEventThatLiftedTheScoreIntoTheTopTier()
    {
        // Worked example: billing page 50 + one invite 30 on the same day = 80 = sales_ready.
        var history = EventHistory.FromEvents([
            Track("ada", "user.billing_page_viewed", At(3, 9)),
            Track("ada", "team.member_invited", At(3, 11)),
            Track("ben", "team.member_invited", At(3, 10)),
        ]);

        var replay = BacktestReplay.Run(Default, history.Events, SubjectLevel.User);

        Assert.Equal(At(3, 11), replay.FlagsAt(80)["ada"]);
        Assert.False(replay.FlagsAt(80).ContainsKey("ben"));
        Assert.Equal(["warm", "sales_ready"], replay.Subjects["ada"].Crossings.Select(c => c.Tier));
        Assert.Equal(At(3, 9), replay.Subjects["ada"].Crossings[0].At);
    }

    [Fact]
    public void ArrivalOrderDoesNotChangeFlagsBecauseTheHistoryIsReplayedInEventTime()
    {
        var events = new[]
        {
            Track("ada", "team.member_invited", At(5, 11)),
            Track("ada", "user.billing_page_viewed", At(5, 9)),
            Track("ada", "api_key.created", At(2, 9)),
        };

        var forward = BacktestReplay.Run(Default, EventHistory.FromEvents(events).Events, SubjectLevel.User);
        var backward = BacktestReplay.Run(Default, EventHistory.FromEvents(events.Reverse()).Events, SubjectLevel.User);

        Assert.Equal(forward.FlagsAt(80), backward.FlagsAt(80));
        Assert.Equal(forward.Subjects["ada"].Trajectory.Highest, backward.Subjects["ada"].Trajectory.Highest);
    }

    [Fact]
    public void ReplayedScoresMatchTheEngineEvaluatedAtTheSameMoment()
    {
        var events = EventHistory.FromEvents([
            Track("ada", "api_key.created", At(1, 9)),
            Track("ada", "feature.activated", At(4, 9), ("feature", "alerts")),
            Track("ada", "feature.activated", At(9, 9), ("feature", "sso")),
        ]).Events;
        var state = Default.CreateUserState();
        var highest = double.NegativeInfinity;
        foreach (var scoringEvent in events)
        {
            state.Apply(scoringEvent);
            highest = Math.Max(highest, state.Evaluate(scoringEvent.Timestamp).Score);
        }

        Assert.Equal(highest, BacktestReplay.Run(Default, events, SubjectLevel.User).Subjects["ada"].Trajectory.Highest);
    }

    [Fact]
    public void ASubjectCanBeEvaluatedAfterTheReplayOnlyWhenTheReplayKeptItsState()
    {
        var events = EventHistory.FromEvents([
            Track("ada", "user.billing_page_viewed", At(3, 9)) with { GroupId = "acme" },
            Track("ada", "team.member_invited", At(3, 11)) with { GroupId = "acme" },
        ]).Events;
        var state = Default.CreateUserState();
        foreach (var scoringEvent in events)
        {
            state.Apply(scoringEvent);
        }

        Assert.Equal(state.Evaluate(At(4, 9)).Score, BacktestReplay.Run(Default, events, SubjectLevel.User, keepStates: true).Subjects["ada"].EvaluateAt(At(4, 9)).Score);
        Assert.Equal(80, BacktestReplay.Run(Default, events, SubjectLevel.Account, keepStates: true).Subjects["acme"].EvaluateAt(At(3, 11)).Score);
        Assert.Throws<InvalidOperationException>(() => BacktestReplay.Run(Default, events, SubjectLevel.User).Subjects["ada"].EvaluateAt(At(4, 9)));
        Assert.Throws<InvalidOperationException>(() => BacktestReplay.Run(Default, events, SubjectLevel.Account).Subjects["acme"].EvaluateAt(At(4, 9)));
    }

    [Fact]
    public void APayingUserIsNeverFlaggedAgain()
    {
        var events = EventHistory.FromEvents([
            Identify("ada", At(1, 8), ("plan", "pro")),
            Track("ada", "user.billing_page_viewed", At(2, 9)),
            Track("ada", "team.member_invited", At(2, 10)),
        ]).Events;

        var replay = BacktestReplay.Run(Default, events, SubjectLevel.User);

        Assert.Empty(replay.FlagsAt(40));
        Assert.Empty(replay.Subjects["ada"].Crossings);
    }

    [Fact]
    public void OnlyProductActivityMakesASubjectActiveInAWindow()
    {
        var events = EventHistory.FromEvents([
            Identify("quiet", At(1, 8), ("email", "q@example.com")),
            Track("busy", "session.started", At(10, 8)),
        ]).Events;

        var replay = BacktestReplay.Run(Default, events, SubjectLevel.User);

        Assert.Equal(["busy"], replay.ActiveIn(new BacktestWindow(At(1, 0), At(20, 0), TimeSpan.FromDays(30))));
        Assert.Empty(replay.ActiveIn(new BacktestWindow(At(11, 0), At(20, 0), TimeSpan.FromDays(30))));
    }

    [Fact]
    public void AccountLevelReplayRollsMembersUpIntoTheirAccount()
    {
        var events = EventHistory.FromEvents([
            Track("ada", "user.billing_page_viewed", At(2, 9)) with { GroupId = "acme" },
            Track("ben", "team.member_invited", At(2, 10)) with { GroupId = "acme" },
            Track("cy", "team.member_invited", At(2, 10)),
        ]).Events;

        var replay = BacktestReplay.Run(Default, events, SubjectLevel.Account);

        Assert.Equal(["acme"], replay.Subjects.Keys);
        Assert.Equal(At(2, 10), replay.FlagsAt(80)["acme"]);
    }
}
