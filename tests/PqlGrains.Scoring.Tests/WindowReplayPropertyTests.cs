using CsCheck;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

/// <summary>Arrival order never matters for windows, combinations, caps, continuous decay and non-UTC calendars either.</summary>
public sealed class WindowReplayPropertyTests
{
    private static readonly PqlDefinition Rich = Definitions.WithSignals("""
          - { id: invites, category: viral, points: 30, cap: 100, on: team.member_invited }
          - { id: seats, category: viral, points: 45, when: { count: { on: team.member_invited, atLeast: 3, within: 30d } } }
          - { id: breadth, category: adoption, points: 30, when: { distinct: { on: feature.activated, property: feature, atLeast: 3, within: 14d } } }
          - id: mix
            category: depth
            points: 25
            when:
              atLeast:
                count: 2
                of:
                  - count: { on: api_key.created }
                  - count: { on: report.exported, atLeast: 3, within: 7d }
                  - afterSignup: { on: session.started, atLeast: 4, within: 7d }
                  - all: [ { count: { on: usage.reported } }, { seenWithin: 14d } ]
        """, "decay: continuous\ntimeZone: America/New_York\nhalfLifeDays: 3.5");

    private static double ScoreOf(IEnumerable<ScoringEvent> events, DateTimeOffset at)
    {
        var state = Rich.CreateUserState();
        foreach (var e in events)
        {
            state.Apply(e);
        }

        return state.Evaluate(at).Score;
    }

    [Fact]
    public void Permuting_arrival_order_never_changes_window_and_combination_scores()
    {
        Gen.Select(ReplayPropertyTests.GenHistory, Gen.Int, Gen.Int[0, 100]).Sample((events, seed, day) =>
        {
            var shuffled = events.ToArray();
            new Random(seed).Shuffle(shuffled);
            var at = Day0.AddDays(day).AddHours(Math.Abs(seed % 24));
            var inOrder = events.Where(e => e.Timestamp <= at);
            var outOfOrder = shuffled.Where(e => e.Timestamp <= at);
            return ReplayPropertyTests.Bits(ScoreOf(inOrder, at)) == ReplayPropertyTests.Bits(ScoreOf(outOfOrder, at));
        }, iter: 200);
    }

    [Fact]
    public void Account_scores_do_not_depend_on_the_order_members_events_arrive()
    {
        var users = Gen.Int[1, 6].Select(i => "user" + i);
        Gen.Select(ReplayPropertyTests.GenHistory, users.Array[60], Gen.Int).Sample((events, owners, seed) =>
        {
            var mine = events.Select((e, i) => e with { UserId = owners[i % owners.Length] }).ToArray();
            var shuffled = mine.ToArray();
            new Random(seed).Shuffle(shuffled);
            var at = Day0.AddDays(91);
            return ReplayPropertyTests.Bits(AccountScore(mine, at)) == ReplayPropertyTests.Bits(AccountScore(shuffled, at));
        }, iter: 100);
    }

    private static double AccountScore(IEnumerable<ScoringEvent> events, DateTimeOffset at)
    {
        var account = PqlDefinition.Default.CreateAccountState();
        foreach (var e in events)
        {
            account.Apply(e);
        }

        return account.Evaluate(at).Score;
    }
}
