using System.Globalization;
using System.Text;
using CsCheck;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.State;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

/// <summary>Events matched once (as a backtest replay does) and applied later must do exactly what applying the events does.</summary>
public sealed class MatchedEventsTests
{
    private static readonly string[] Names = ReplayPropertyTests.Names;

    private static readonly string[] Paths = ["/pricing", "/docs", "/billing"];

    // Conditions over patterns (signup window, distinct values in a window) beside the default's event signals.
    private static readonly PqlDefinition Conditions = Definitions.WithSignals(
        """
          - { id: early_burst, category: frequency, points: 25, when: { afterSignup: { on: other, atLeast: 2, within: 1d } } }
          - { id: two_features, category: adoption, points: 20, when: { distinct: { on: feature.activated, property: feature, atLeast: 2, within: 7d } } }
          - { id: invites, category: viral, points: 30, on: team.member_invited }
        """,
        "suppression:\n  payingPlans: { trait: plan, values: [pro] }\n  staleAfter: 30d");

    // Track, page and identify calls (plan and created_at traits as text or Unix seconds), timestamps with offsets, repeated messageIds.
    private static readonly Gen<ScoringEvent> GenEvent =
        Gen.Select(Gen.Int[0, Names.Length + 1], Gen.Int[0, 30 * 24 * 60], Gen.Int[-12, 14], Gen.Int[0, 5], Gen.Double[0, 1], Gen.Bool, Gen.Int[0, 40])
            .Select((kind, minute, offsetHours, feature, ratio, paid, message) =>
            {
                var at = Day0.AddMinutes(minute).ToOffset(TimeSpan.FromHours(offsetHours));
                var messageId = "m" + message;
                return kind switch
                {
                    _ when kind == Names.Length => new ScoringEvent(messageId, "u1", EventType.Page, "", at, Props(("path", Paths[feature % Paths.Length]))),
                    _ when kind == Names.Length + 1 => new ScoringEvent(messageId, "u1", EventType.Identify, "", at, Props(
                        ("plan", paid ? "pro" : "free"),
                        feature % 2 == 0
                            ? ("created_at", (object)at.AddHours(-feature).ToString("O", CultureInfo.InvariantCulture))
                            : ("createdAt", (object)(double)at.AddHours(-feature).ToUnixTimeSeconds()))),
                    _ => Track(Names[kind], at, messageId: messageId, properties: [("feature", "f" + feature), ("ratio", ratio), ("paid", paid)]),
                };
            });

    [Fact]
    public void Applying_events_matched_beforehand_in_any_order_equals_applying_the_events()
    {
        foreach (var definition in new[] { PqlDefinition.Default, Conditions })
        {
            Gen.Select(GenEvent.Array[1, 80], Gen.Int).Sample((events, seed) =>
            {
                var matched = new MatchedEvents(definition, events.Length);
                var writeOrder = Enumerable.Range(0, events.Length).ToArray();
                new Random(seed).Shuffle(writeOrder);
                foreach (var index in writeOrder)
                {
                    matched.Match(index, events[index]);
                }

                var direct = definition.CreateUserState();
                var replayed = definition.CreateUserState();
                for (var i = 0; i < events.Length; i++)
                {
                    if (direct.Apply(events[i]) != replayed.Apply(matched, i))
                    {
                        return false;
                    }
                }

                var at = events.Max(e => e.Timestamp).AddDays(1);
                return direct.ToSnapshot().Slots.SequenceEqual(replayed.ToSnapshot().Slots) &&
                    BitConverter.DoubleToInt64Bits(direct.Evaluate(at).Score) == BitConverter.DoubleToInt64Bits(replayed.ScoreAt(at));
            }, iter: 150);
        }
    }

    [Fact]
    public void A_matched_event_keeps_its_timestamp_with_the_offset_and_its_call_type()
    {
        GenEvent.Array[1, 20].Sample(events =>
        {
            var matched = new MatchedEvents(PqlDefinition.Default, events.Length);
            for (var i = 0; i < events.Length; i++)
            {
                matched.Match(i, events[i]);
            }

            return events.Select((e, i) => matched.TimestampAt(i) == e.Timestamp && matched.TimestampAt(i).Offset == e.Timestamp.Offset && matched.TypeAt(i) == e.Type).All(same => same);
        }, iter: 100);
    }

    [Fact]
    public void Each_of_more_than_64_signals_earns_from_its_own_event_pattern()
    {
        var signals = new StringBuilder();
        for (var i = 0; i < 70; i++)
        {
            signals.Append(CultureInfo.InvariantCulture, $"  - {{ id: s{i}, category: adoption, points: {i + 1}, on: e{i} }}\n");
        }

        signals.Append("  - { id: distinct_late, category: depth, points: 5, perDistinct: feature, on: e69 }\n");
        var definition = Definitions.WithSignals(signals.ToString());
        ScoringEvent[] events = [Track("e3", Day0), Track("e66", Day0, properties: ("feature", "a")), Track("e69", Day0, properties: ("feature", "b"))];
        var matched = new MatchedEvents(definition, events.Length);
        var state = definition.CreateUserState();
        for (var i = 0; i < events.Length; i++)
        {
            matched.Match(i, events[i]);
            Assert.Equal(ApplyOutcome.Changed, state.Apply(matched, i));
        }

        var earning = state.Evaluate(Day0).Signals.Where(s => s.Points > 0).ToDictionary(s => s.SignalId, s => s.Points);
        Assert.Equal(new Dictionary<string, double> { ["s3"] = 4, ["s66"] = 67, ["s69"] = 70, ["distinct_late"] = 5 }, earning);
    }

    [Fact]
    public void Applying_events_matched_under_another_definition_is_refused()
    {
        var matched = new MatchedEvents(Conditions, 1);
        matched.Match(0, Track("other", Day0));

        var error = Assert.Throws<ArgumentException>(() => PqlDefinition.Default.CreateUserState().Apply(matched, 0));
        Assert.Contains("match them with the state's own definition", error.Message, StringComparison.Ordinal);
    }
}
