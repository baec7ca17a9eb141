using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class DefaultDefinitionTests
{
    private readonly PqlDefinition _definition = PqlDefinition.Default;

    [Fact]
    public void Default_definition_loads_without_errors_or_warnings()
    {
        var result = PqlDefinition.Load(PqlDefinition.DefaultYaml, "default.yaml");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["billing_page", "teammate_invited", "feature_activated", "api_key_created", "usage_limit_near", "early_sessions", "report_exported", "paid_integration"],
            result.Definition!.Signals.Select(s => s.Id));
        Assert.Equal(7, result.Definition.HalfLifeDays);
        Assert.Equal([40.0, 60.0, 80.0], result.Definition.Tiers.Select(t => t.MinScore));
    }

    [Fact]
    public void Worked_example_billing_visit_plus_one_invite_on_the_same_day_is_80_and_sales_ready()
    {
        var state = _definition.CreateUserState();
        state.Apply(Track("user.billing_page_viewed", Day0));
        state.Apply(Track("team.member_invited", Day0.AddHours(3)));

        var result = state.Evaluate(Day0.AddHours(5));

        Assert.Equal(80, result.Score);
        Assert.Equal("sales_ready", result.Tier!.Name);
        Assert.Equal("ae", result.Tier.Route);
        Assert.Equal(TimeSpan.FromMinutes(15), result.Tier.ResponseSla);
        Assert.True(result.IsQualified);
    }

    [Fact]
    public void Each_distinct_feature_earns_15_and_repeats_of_a_feature_earn_nothing()
    {
        var state = _definition.CreateUserState();
        state.Apply(Track("feature.activated", Day0, properties: ("feature", "dashboards")));
        state.Apply(Track("feature.activated", Day0, properties: ("feature", "alerts")));
        state.Apply(Track("feature.activated", Day0, properties: ("feature", "alerts")));
        state.Apply(Track("feature.activated", Day0, properties: ("feature", "sso")));

        var result = state.Evaluate(Day0);

        Assert.Equal(45, result.Score);
        Assert.Equal("warm", result.Tier!.Name);
        Assert.Equal("activated 3 features, last today", result.Signals.Single(s => s.SignalId == "feature_activated").Explanation);
    }

    [Fact]
    public void Billing_page_visits_count_once_per_day_and_route_immediately_only_the_first_time()
    {
        var state = _definition.CreateUserState();
        var first = state.Apply(Track("user.billing_page_viewed", Day0));
        var second = state.Apply(Page("/billing", Day0.AddMinutes(2)));
        var third = state.Apply(Page("/pricing", Day0.AddMinutes(4)));

        Assert.True(first.HasFlag(ApplyOutcome.RouteImmediately));
        Assert.False(second.HasFlag(ApplyOutcome.RouteImmediately));
        Assert.False(third.HasFlag(ApplyOutcome.RouteImmediately));
        var result = state.Evaluate(Day0.AddHours(1));
        Assert.Equal(50, result.Score);
        Assert.True(result.RouteImmediately);
        Assert.Equal("visited the billing page today", result.TopSignals[0]);
    }

    [Theory]
    [InlineData("/pricing", 50)]
    [InlineData("/upgrade", 50)]
    [InlineData("/billing", 50)]
    [InlineData("/docs", 0)]
    public void Page_calls_match_on_their_path(string path, double expected)
    {
        var state = _definition.CreateUserState();
        state.Apply(Page(path, Day0));
        Assert.Equal(expected, state.Evaluate(Day0).Score);
    }

    [Theory]
    [InlineData(0.8, 35)]
    [InlineData(0.95, 35)]
    [InlineData(0.79, 0)]
    public void Usage_reported_earns_only_at_80_percent_of_the_limit(double ratio, double expected)
    {
        var state = _definition.CreateUserState();
        state.Apply(Track("usage.reported", Day0, properties: ("ratio", ratio)));
        Assert.Equal(expected, state.Evaluate(Day0).Score);
    }

    [Fact]
    public void Usage_reported_counts_once_per_7_day_window()
    {
        var monday = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var state = _definition.CreateUserState();
        state.Apply(Track("usage.reported", monday, properties: ("ratio", 0.9)));
        state.Apply(Track("usage.reported", monday, properties: ("ratio", 0.9)));
        Assert.Equal(35, state.Evaluate(monday).Score);
    }

    [Fact]
    public void Api_key_earns_40_once_however_many_keys_are_created()
    {
        var state = _definition.CreateUserState();
        state.Apply(Track("api_key.created", Day0));
        state.Apply(Track("api_key.created", Day0.AddHours(1)));
        Assert.Equal(40, state.Evaluate(Day0.AddHours(2)).Score);
    }

    [Theory]
    [InlineData(true, 15)]
    [InlineData(false, 0)]
    public void Integrations_earn_only_when_the_tool_is_paid(bool paid, double expected)
    {
        var state = _definition.CreateUserState();
        state.Apply(Track("integration.connected", Day0, properties: ("paid", paid)));
        Assert.Equal(expected, state.Evaluate(Day0).Score);
    }

    [Fact]
    public void Four_sessions_in_the_first_7_days_after_first_seen_earn_20()
    {
        var state = _definition.CreateUserState();
        for (var day = 0; day < 4; day++)
        {
            state.Apply(Track("session.started", Day0.AddDays(day * 2)));
        }

        var result = state.Evaluate(Day0.AddDays(6));
        Assert.Equal(20, result.Signals.Single(s => s.SignalId == "early_sessions").Points);
    }

    [Fact]
    public void Sessions_after_the_first_7_days_from_the_created_at_trait_do_not_count()
    {
        var state = _definition.CreateUserState();
        state.Apply(Identify(Day0.AddDays(20), traits: ("created_at", Day0.ToString("O"))));
        for (var day = 5; day < 9; day++)
        {
            state.Apply(Track("session.started", Day0.AddDays(day)));
        }

        Assert.Equal(0, state.Evaluate(Day0.AddDays(9)).Signals.Single(s => s.SignalId == "early_sessions").Points);
    }

    [Fact]
    public void Report_exports_count_once_per_7_days()
    {
        var state = _definition.CreateUserState();
        state.Apply(Track("report.exported", Day0));
        state.Apply(Track("report.exported", Day0.AddHours(1)));
        Assert.Equal(15, state.Evaluate(Day0.AddHours(2)).Score);
    }

    [Fact]
    public void Unrelated_events_change_only_activity_and_score_nothing()
    {
        var state = _definition.CreateUserState();
        state.Apply(Track("dashboard.viewed", Day0));
        var result = state.Evaluate(Day0);
        Assert.Equal(0, result.Score);
        Assert.Null(result.Tier);
        Assert.Empty(result.TopSignals);
    }
}
