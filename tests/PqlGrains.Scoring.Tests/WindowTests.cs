using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class WindowTests
{
    [Fact]
    public void Three_invites_within_30_days_earn_the_threshold_signal()
    {
        var definition = Definitions.WithSignals("""
              - id: seats
                category: viral
                points: 45
                when: { count: { on: team.member_invited, atLeast: 3, within: 30d } }
                explain: "invited {count} teammates in the last 30 days"
            """);
        var state = definition.CreateUserState();
        state.Apply(Track("team.member_invited", Day0));
        state.Apply(Track("team.member_invited", Day0.AddDays(10)));
        Assert.Equal(0, state.Evaluate(Day0.AddDays(10)).Score);

        state.Apply(Track("team.member_invited", Day0.AddDays(20)));
        var result = state.Evaluate(Day0.AddDays(20));
        Assert.Equal(45, result.Score);
        Assert.Equal("invited 3 teammates in the last 30 days", result.TopSignals.Single());
    }

    [Fact]
    public void Invites_spread_over_more_than_30_days_do_not_meet_the_threshold()
    {
        var definition = Definitions.WithSignals("  - { id: seats, category: viral, points: 45, when: { count: { on: team.member_invited, atLeast: 3, within: 30d } } }\n");
        var state = definition.CreateUserState();
        state.Apply(Track("team.member_invited", Day0));
        state.Apply(Track("team.member_invited", Day0.AddDays(20)));
        state.Apply(Track("team.member_invited", Day0.AddDays(40)));
        Assert.Equal(0, state.Evaluate(Day0.AddDays(40)).Score);
    }

    [Fact]
    public void A_window_condition_stops_holding_once_its_events_leave_the_window()
    {
        var definition = Definitions.WithSignals("  - { id: seats, category: viral, points: 45, when: { count: { on: team.member_invited, atLeast: 2, within: 30d } } }\n");
        var state = definition.CreateUserState();
        state.Apply(Track("team.member_invited", Day0));
        state.Apply(Track("team.member_invited", Day0));
        Assert.True(state.Evaluate(Day0.AddDays(29)).Score > 0);
        Assert.Equal(0, state.Evaluate(Day0.AddDays(30)).Score);
    }

    [Fact]
    public void Three_distinct_features_within_14_days_earn_the_distinct_signal()
    {
        var definition = Definitions.WithSignals("  - { id: breadth, category: adoption, points: 30, when: { distinct: { on: feature.activated, property: feature, atLeast: 3, within: 14d } } }\n");
        var state = definition.CreateUserState();
        state.Apply(Track("feature.activated", Day0, properties: ("feature", "a")));
        state.Apply(Track("feature.activated", Day0.AddDays(1), properties: ("feature", "a")));
        state.Apply(Track("feature.activated", Day0.AddDays(2), properties: ("feature", "b")));
        Assert.Equal(0, state.Evaluate(Day0.AddDays(3)).Score);

        state.Apply(Track("feature.activated", Day0.AddDays(3), properties: ("feature", "c")));
        Assert.Equal(30, state.Evaluate(Day0.AddDays(3)).Score);
        Assert.Equal(0, state.Evaluate(Day0.AddDays(16)).Score);
    }

    [Fact]
    public void Signup_window_starts_at_the_created_at_trait_when_it_is_earlier_than_first_seen()
    {
        var definition = Definitions.WithSignals("  - { id: early, category: frequency, points: 20, when: { afterSignup: { on: session.started, atLeast: 2, within: 7d } } }\n");
        var state = definition.CreateUserState();
        state.Apply(Identify(Day0.AddDays(9), traits: ("createdAt", Day0.ToString("O"))));
        state.Apply(Track("session.started", Day0.AddDays(6)));
        state.Apply(Track("session.started", Day0.AddDays(8)));
        Assert.Equal(0, state.Evaluate(Day0.AddDays(9)).Score);

        var fresh = definition.CreateUserState();
        fresh.Apply(Track("session.started", Day0.AddDays(6)));
        fresh.Apply(Track("session.started", Day0.AddDays(8)));
        Assert.Equal(20, fresh.Evaluate(Day0.AddDays(8)).Score);
    }

    [Fact]
    public void Once_per_window_dedupes_within_the_window_and_earns_again_in_the_next()
    {
        var definition = Definitions.WithSignals("  - { id: billing, category: adoption, points: 50, oncePer: 1d, on: billing.viewed }\n");
        var state = definition.CreateUserState();
        state.Apply(Track("billing.viewed", Day0));
        state.Apply(Track("billing.viewed", Day0.AddHours(1)));
        state.Apply(Track("billing.viewed", Day0.AddHours(2)));
        Assert.Equal(50, state.Evaluate(Day0.AddHours(3)).Score);

        state.Apply(Track("billing.viewed", Day0.AddDays(1)));
        Assert.Equal(Math.Round(50 + 50 * Math.Pow(2, -1.0 / 7), 6), state.Evaluate(Day0.AddDays(1)).Score);
    }

    [Fact]
    public void A_late_event_earlier_in_the_window_moves_the_decay_to_its_own_time()
    {
        var definition = Definitions.WithSignals("  - { id: usage, category: adoption, points: 40, oncePer: 7d, on: usage.hit }\n");
        var monday = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var state = definition.CreateUserState();
        state.Apply(Track("usage.hit", monday.AddDays(5)));
        state.Apply(Track("usage.hit", monday));
        Assert.Equal(Math.Round(40 * Math.Pow(2, -5.0 / 7), 6), state.Evaluate(monday.AddDays(5)).Score);
    }
}
