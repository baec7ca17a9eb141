using CsCheck;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

/// <summary>Properties that make live scores, backtests and replays agree.</summary>
public sealed class ReplayPropertyTests
{
    internal static readonly string[] Names =
        ["user.billing_page_viewed", "team.member_invited", "feature.activated", "api_key.created", "usage.reported", "session.started", "report.exported", "integration.connected", "other"];

    private static readonly Gen<ScoringEvent> GenEvent =
        Gen.Select(Gen.Int[0, Names.Length - 1], Gen.Int[0, 90 * 24 * 60], Gen.Int[0, 5], Gen.Double[0, 1], Gen.Bool)
            .Select((name, minute, feature, ratio, paid) => Track(
                Names[name],
                Day0.AddMinutes(minute),
                properties: [("feature", "f" + feature), ("ratio", ratio), ("paid", paid)]));

    internal static readonly Gen<ScoringEvent[]> GenHistory = GenEvent.Array[1, 60];

    private static double ScoreOf(IEnumerable<ScoringEvent> events, DateTimeOffset at)
    {
        var state = PqlDefinition.Default.CreateUserState();
        foreach (var e in events)
        {
            state.Apply(e);
        }

        return state.Evaluate(at).Score;
    }

    internal static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    [Fact]
    public void Permuting_arrival_order_never_changes_the_score_bit_for_bit()
    {
        Gen.Select(GenHistory, Gen.Int)
            .Sample((events, seed) =>
            {
                var shuffled = events.ToArray();
                new Random(seed).Shuffle(shuffled);
                var at = Day0.AddDays(91);
                return Bits(ScoreOf(events, at)) == Bits(ScoreOf(shuffled, at));
            }, iter: 200);
    }

    [Fact]
    public void Permuting_arrival_order_never_changes_the_state_itself()
    {
        GenHistory.Sample(events =>
        {
            var forward = PqlDefinition.Default.CreateUserState();
            var backward = PqlDefinition.Default.CreateUserState();
            foreach (var e in events)
            {
                forward.Apply(e);
            }

            foreach (var e in events.Reverse())
            {
                backward.Apply(e);
            }

            return forward.ToSnapshot().Slots.SequenceEqual(backward.ToSnapshot().Slots);
        }, iter: 200);
    }

    [Fact]
    public void Redelivering_events_with_the_same_message_id_never_changes_the_score()
    {
        Gen.Select(GenHistory, Gen.Int[0, 59]).Sample((events, pick) =>
        {
            var duplicate = events[pick % events.Length];
            var withDuplicate = events.Append(duplicate with { Timestamp = duplicate.Timestamp.AddDays(1) }).Prepend(duplicate);
            var at = Day0.AddDays(91);
            return Bits(ScoreOf(events.Prepend(duplicate).Distinct(), at)) == Bits(ScoreOf(withDuplicate, at));
        }, iter: 200);
    }

    [Fact]
    public void The_cheap_score_equals_the_full_evaluation_bit_for_bit()
    {
        Gen.Select(GenHistory, Gen.Int[0, 120]).Sample((events, days) =>
        {
            var state = PqlDefinition.Default.CreateUserState();
            foreach (var e in events)
            {
                state.Apply(e);
            }

            var at = Day0.AddDays(days);
            return Bits(state.ScoreAt(at)) == Bits(state.Evaluate(at).Score);
        }, iter: 200);
    }

    [Fact]
    public void Scores_never_increase_with_time_alone()
    {
        Gen.Select(GenHistory, Gen.Int[0, 60]).Sample((events, days) =>
        {
            var state = PqlDefinition.Default.CreateUserState();
            foreach (var e in events)
            {
                state.Apply(e);
            }

            var earlier = state.Evaluate(Day0.AddDays(90));
            var later = state.Evaluate(Day0.AddDays(90 + days).AddHours(days % 7));
            return later.Score <= earlier.Score;
        }, iter: 200);
    }
}
