using PqlGrains.Scoring.Definitions;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class CapAndSuppressionTests
{
    [Fact]
    public void A_cap_limits_the_points_of_a_per_occurrence_signal()
    {
        var state = Definitions.WithSignals("  - { id: invites, category: viral, points: 30, cap: 90, on: team.member_invited }\n").CreateUserState();
        for (var i = 0; i < 5; i++)
        {
            state.Apply(Track("team.member_invited", Day0));
        }

        Assert.Equal(90, state.Evaluate(Day0).Score);
    }

    [Fact]
    public void Max_distinct_bounds_how_many_values_earn()
    {
        var state = Definitions.WithSignals("  - { id: features, category: adoption, points: 15, perDistinct: feature, maxDistinct: 2, on: feature.activated }\n").CreateUserState();
        foreach (var feature in new[] { "a", "b", "c" })
        {
            state.Apply(Track("feature.activated", Day0, properties: ("feature", feature)));
        }

        Assert.Equal(30, state.Evaluate(Day0).Score);
    }

    [Fact]
    public void A_user_on_a_paying_plan_keeps_the_score_but_is_suppressed()
    {
        var state = PqlDefinition.Default.CreateUserState();
        state.Apply(Track("user.billing_page_viewed", Day0));
        state.Apply(Track("api_key.created", Day0));
        state.Apply(Identify(Day0, traits: ("plan", "pro")));

        var result = state.Evaluate(Day0);

        Assert.Equal(90, result.Score);
        Assert.Equal("sales_ready", result.Tier!.Name);
        Assert.Equal(SuppressionReason.AlreadyPaying, result.Suppression);
        Assert.False(result.IsQualified);
    }

    [Fact]
    public void The_latest_plan_trait_by_event_time_wins_whatever_the_arrival_order()
    {
        var state = PqlDefinition.Default.CreateUserState();
        state.Apply(Identify(Day0.AddDays(1), traits: ("plan", "free")));
        state.Apply(Identify(Day0, traits: ("plan", "pro")));
        Assert.Equal(SuppressionReason.None, state.Evaluate(Day0.AddDays(1)).Suppression);
    }

    [Fact]
    public void A_user_with_no_activity_for_30_days_is_stale()
    {
        var state = PqlDefinition.Default.CreateUserState();
        state.Apply(Track("api_key.created", Day0));
        state.Apply(Track("team.member_invited", Day0));
        state.Apply(Track("team.member_invited", Day0));

        Assert.Equal(SuppressionReason.None, state.Evaluate(Day0.AddDays(29)).Suppression);
        Assert.Equal(SuppressionReason.Stale, state.Evaluate(Day0.AddDays(30)).Suppression);
    }
}
