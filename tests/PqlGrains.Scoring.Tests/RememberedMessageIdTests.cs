using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

/// <summary>States fed from the deduplicating event log remember fewer messageIds; the rest of the state is the same.</summary>
public sealed class RememberedMessageIdTests
{
    [Fact]
    public void A_small_ring_still_drops_a_repeat_within_its_window_and_keeps_its_size_through_a_snapshot()
    {
        var state = PqlDefinition.Default.CreateUserState(rememberedMessageIds: 8);
        state.Apply(Track("feature.activated", Day0, messageId: "m-1", properties: ("feature", "a")));

        var repeat = state.Apply(Track("feature.activated", Day0, messageId: "m-1", properties: ("feature", "a")));
        var restored = PqlDefinition.Default.RestoreUserState(state.ToSnapshot());

        Assert.Equal(ApplyOutcome.Duplicate, repeat & ApplyOutcome.Duplicate);
        Assert.Equal(8, restored.ToSnapshot().RecentMessageIds.Length);
        Assert.Equal(state.ToSnapshot().Slots, restored.ToSnapshot().Slots);
    }

    [Fact]
    public void A_small_ring_scores_like_the_full_one_when_no_messageId_repeats()
    {
        var small = PqlDefinition.Default.CreateUserState(rememberedMessageIds: 8);
        var full = PqlDefinition.Default.CreateUserState();
        for (var i = 0; i < 200; i++)
        {
            var scoringEvent = Track(i % 3 == 0 ? "user.billing_page_viewed" : "feature.activated", Day0.AddHours(i), messageId: $"m-{i}", properties: ("feature", "f" + (i % 7)));
            small.Apply(scoringEvent);
            full.Apply(scoringEvent);
        }

        Assert.Equal(full.ToSnapshot().Slots, small.ToSnapshot().Slots);
        Assert.Equal(full.Evaluate(Day0.AddDays(9)).Score, small.Evaluate(Day0.AddDays(9)).Score);
    }

    [Fact]
    public void A_checkpoint_saved_with_the_full_ring_restores_into_a_build_that_creates_small_rings()
    {
        var full = PqlDefinition.Default.CreateUserState();
        full.Apply(Track("feature.activated", Day0, messageId: "m-1", properties: ("feature", "a")));

        var restored = PqlDefinition.Default.RestoreUserState(full.ToSnapshot());

        Assert.Equal(64, restored.ToSnapshot().RecentMessageIds.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void A_ring_size_outside_1_to_64_is_refused(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PqlDefinition.Default.CreateUserState(size));
    }
}
