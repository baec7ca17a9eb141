using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class ExplanationTests
{
    [Theory]
    [InlineData(1, 0, "invited 1 teammate, last today")]
    [InlineData(3, 1, "invited 3 teammates, last yesterday")]
    [InlineData(2, 5, "invited 2 teammates, last 5 days ago")]
    public void Templates_agree_in_number_and_say_how_long_ago(long count, int daysAgo, string expected) =>
        Assert.Equal(expected, ExplanationTemplate.Render("invited {count} {count|teammate|teammates}, last {ago}", count, 30, daysAgo));

    [Fact]
    public void Top_signals_are_the_strongest_contributions_in_plain_language()
    {
        var state = PqlDefinition.Default.CreateUserState();
        state.Apply(Page("/billing", Day0.AddDays(-2)));
        state.Apply(Track("team.member_invited", Day0));
        state.Apply(Track("team.member_invited", Day0));
        state.Apply(Track("team.member_invited", Day0));
        state.Apply(Track("report.exported", Day0));

        var result = state.Evaluate(Day0);

        Assert.Equal(["invited 3 teammates, last today", "visited the billing page 2 days ago", "exported a report today"], result.TopSignals);
        Assert.Equal(90, result.Categories.Single(c => c.Category == SignalCategory.Viral).WeightedPoints);
        Assert.Equal(["teammate_invited", "billing_page", "report_exported"], result.Signals.Take(3).Select(s => s.SignalId));
    }

    [Fact]
    public void Category_weights_multiply_their_signals_points()
    {
        var definition = Definitions.WithSignals(
            "  - { id: invites, category: viral, points: 30, on: team.member_invited }\n  - { id: key, category: depth, points: 40, on: api_key.created }\n",
            "categories: { viral: { weight: 0.5 }, depth: { weight: 2 } }");
        var state = definition.CreateUserState();
        state.Apply(Track("team.member_invited", Day0));
        state.Apply(Track("api_key.created", Day0));

        Assert.Equal(95, state.Evaluate(Day0).Score);
    }
}
