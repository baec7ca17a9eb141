using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class TierCrossingsTests
{
    private static readonly PqlDefinition Default = PqlDefinition.Default;

    [Fact]
    public void An_upward_crossing_is_stamped_with_the_timestamp_of_the_event_that_made_it()
    {
        var state = Default.CreateUserState();
        var crossings = new TierCrossings(Default);

        state.Apply(Track("user.billing_page_viewed", Day0));
        var warm = crossings.Observe(state, Day0);
        state.Apply(Track("team.member_invited", Day0.AddHours(2)));
        var salesReady = crossings.Observe(state, Day0.AddHours(2));

        Assert.Equal(("warm", Day0), (warm!.Value.To.Name, warm.Value.At));
        Assert.Equal(("sales_ready", "warm", Day0.AddHours(2)), (salesReady!.Value.To.Name, salesReady.Value.From!.Name, salesReady.Value.At));
        Assert.Equal(Day0, crossings.CrossedAt("warm"));
        Assert.Equal(Day0.AddHours(2), crossings.CrossedAt("hot"));
        Assert.Equal(Day0.AddHours(2), crossings.CrossedAt("sales_ready"));
    }

    [Fact]
    public void After_decay_took_the_tier_away_at_a_later_event_the_next_rise_is_a_new_crossing()
    {
        var state = Default.CreateUserState();
        var crossings = new TierCrossings(Default);
        state.Apply(Track("user.billing_page_viewed", Day0));
        crossings.Observe(state, Day0);

        // A week later the 50 points are worth 25: the session event sees no tier.
        var later = Day0.AddDays(7);
        state.Apply(Track("session.started", later));
        Assert.Null(crossings.Observe(state, later));
        Assert.Null(crossings.Tier);

        state.Apply(Track("user.billing_page_viewed", later.AddHours(1)));
        Assert.Equal(later.AddHours(1), crossings.Observe(state, later.AddHours(1))!.Value.At);
        Assert.Equal(later.AddHours(1), crossings.CrossedAt("warm"));
    }

    [Fact]
    public void A_paying_user_is_in_no_tier_whatever_the_score()
    {
        var state = Default.CreateUserState();
        var crossings = new TierCrossings(Default);
        state.Apply(Identify(Day0, traits: ("plan", "pro")));
        state.Apply(Track("user.billing_page_viewed", Day0.AddHours(1)));

        Assert.Null(crossings.Observe(state, Day0.AddHours(1), out var score));
        Assert.Null(score);
        Assert.Empty(crossings.CrossedAtByTier());
    }

    [Fact]
    public void The_rule_hands_back_the_unsuppressed_score_it_read()
    {
        var state = Default.CreateUserState();
        var crossings = new TierCrossings(Default);
        state.Apply(Track("user.billing_page_viewed", Day0));

        crossings.Observe(state, Day0, out var score);

        Assert.Equal(state.Evaluate(Day0).Score, score);
        Assert.Equal(50, score);
    }

    [Fact]
    public void Restoring_the_saved_tier_and_crossings_continues_as_if_never_stopped()
    {
        var state = Default.CreateUserState();
        var crossings = new TierCrossings(Default);
        state.Apply(Track("user.billing_page_viewed", Day0));
        crossings.Observe(state, Day0);

        var restored = new TierCrossings(Default);
        restored.Restore(crossings.Tier?.Name, crossings.CrossedAtByTier());
        state.Apply(Track("team.member_invited", Day0.AddHours(1)));

        Assert.Equal(crossings.Observe(state, Day0.AddHours(1)), restored.Observe(state, Day0.AddHours(1)));
        Assert.Equal(crossings.CrossedAtByTier(), restored.CrossedAtByTier());
    }
}
