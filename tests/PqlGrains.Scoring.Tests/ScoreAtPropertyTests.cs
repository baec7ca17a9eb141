using CsCheck;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

/// <summary>
/// The cheap per-event score (re-reading only the signals an event touched) must equal the full evaluation to the
/// last bit, whatever the order of events and of the instants it is asked at.
/// </summary>
public sealed class ScoreAtPropertyTests
{
    private static readonly string[] Names = ReplayPropertyTests.Names;

    private static readonly PqlDefinition Continuous = Load(PqlDefinition.DefaultYaml.Replace("decay: daily", "decay: continuous", StringComparison.Ordinal));

    private static readonly PqlDefinition DaylightSaving = Load(PqlDefinition.DefaultYaml.Replace("timeZone: UTC", "timeZone: Europe/Berlin", StringComparison.Ordinal));

    // Signals whose reading depends on the exact instant (signup window) or on the common slots (last activity).
    private static readonly PqlDefinition Conditions = Load(PqlDefinition.DefaultYaml.Replace("\nsignals:\n", """
        signals:
          - id: early_burst
            category: frequency
            points: 25
            when: { afterSignup: { on: other, atLeast: 2, within: 1d } }
          - id: recently_active_inviter
            category: viral
            points: 35
            when:
              all:
                - count: { on: team.member_invited }
                - seenWithin: 2d

        """, StringComparison.Ordinal));

    private static readonly PqlDefinition[] Variants = [PqlDefinition.Default, Continuous, DaylightSaving, Conditions];

    // Minutes spread over 60 days, with several events per day so that same-day reuse is exercised.
    private static readonly Gen<ScoringEvent> GenEvent =
        Gen.Select(Gen.Int[0, Names.Length], Gen.Int[0, 60 * 24 * 60], Gen.Int[0, 5], Gen.Double[0, 1], Gen.Bool)
            .Select((name, minute, feature, ratio, paid) => name == Names.Length
                ? Identify(Day0.AddMinutes(minute), traits: [("plan", paid ? "pro" : "free"), ("created_at", Day0.AddMinutes(minute - 600).ToString("O"))])
                : Track(Names[name], Day0.AddMinutes(minute), properties: [("feature", "f" + feature), ("ratio", ratio), ("paid", paid)]));

    // Each event with an offset (minutes) from its own timestamp at which the score is asked right after it.
    private static readonly Gen<(ScoringEvent Event, int AskOffset)[]> GenStream =
        Gen.Select(GenEvent, Gen.OneOf(Gen.Const(0), Gen.Int[-3000, 3000], Gen.Int[0, 60])).Array[1, 80];

    [Fact]
    public void Score_after_every_event_in_time_order_equals_the_full_evaluation()
    {
        foreach (var definition in Variants)
        {
            GenStream.Sample(stream => AgreesAfterEveryEvent(definition, stream.OrderBy(s => s.Event.Timestamp).Select(s => (s.Event, 0)).ToArray()), iter: 150);
        }
    }

    [Fact]
    public void Score_at_any_instant_after_events_in_any_order_equals_the_full_evaluation()
    {
        foreach (var definition in Variants)
        {
            GenStream.Sample(stream => AgreesAfterEveryEvent(definition, stream), iter: 150);
        }
    }

    [Fact]
    public void Asking_the_same_state_again_later_the_same_day_or_days_later_equals_the_full_evaluation()
    {
        Gen.Select(GenStream, Gen.Int[0, 24 * 60].Array[1, 12], Gen.Int[0, Variants.Length - 1]).Sample((stream, asks, variant) =>
        {
            var state = Variants[variant].CreateUserState();
            foreach (var (scoringEvent, _) in stream)
            {
                state.Apply(scoringEvent);
            }

            var at = stream.Max(s => s.Event.Timestamp);
            foreach (var minutes in asks)
            {
                at = at.AddMinutes(minutes);
                if (Bits(state.ScoreAt(at)) != Bits(state.Evaluate(at).Score))
                {
                    return false;
                }
            }

            return true;
        }, iter: 200);
    }

    [Fact]
    public void Asking_earlier_the_same_day_re_reads_a_signup_window_that_counts_events_up_to_the_instant()
    {
        var state = Conditions.CreateUserState();
        state.Apply(Track("other", Day0));
        state.Apply(Track("other", Day0.AddHours(3)));

        var afterBoth = state.ScoreAt(Day0.AddHours(4));
        var betweenThem = state.ScoreAt(Day0.AddHours(1));

        Assert.Equal(state.Evaluate(Day0.AddHours(4)).Score, afterBoth);
        Assert.Equal(state.Evaluate(Day0.AddHours(1)).Score, betweenThem);
        Assert.True(afterBoth > betweenThem);
    }

    private static bool AgreesAfterEveryEvent(PqlDefinition definition, (ScoringEvent Event, int AskOffset)[] stream)
    {
        var state = definition.CreateUserState();
        foreach (var (scoringEvent, askOffset) in stream)
        {
            state.Apply(scoringEvent);
            var at = scoringEvent.Timestamp.AddMinutes(askOffset);
            if (Bits(state.ScoreAt(at)) != Bits(state.Evaluate(at).Score))
            {
                return false;
            }
        }

        return true;
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static PqlDefinition Load(string yaml)
    {
        var result = PqlDefinition.Load(yaml, "variant.yaml");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Definition!;
    }
}
