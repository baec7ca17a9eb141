using PqlGrains.Scoring.Definitions;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class BoundedStateTests
{
    [Fact]
    public void State_size_is_fixed_by_the_definition_not_by_the_number_of_events()
    {
        var state = PqlDefinition.Default.CreateUserState();
        var size = state.ToSnapshot().Slots.Length;
        for (var i = 0; i < 5_000; i++)
        {
            state.Apply(Track(i % 2 == 0 ? "feature.activated" : "user.billing_page_viewed", Day0.AddHours(i), properties: ("feature", "f" + i)));
        }

        var snapshot = state.ToSnapshot();
        Assert.Equal(size, snapshot.Slots.Length);
        Assert.Equal(64, snapshot.RecentMessageIds.Length);
    }

    [Fact]
    public void An_event_older_than_the_decay_horizon_counts_the_same_whether_it_arrives_first_or_last()
    {
        var definition = Definitions.WithSignals("  - { id: billing, category: adoption, points: 50, oncePer: 1d, on: billing.viewed }\n");
        var old = Track("billing.viewed", Day0);
        var recent = Track("billing.viewed", Day0.AddDays(200));

        var oldFirst = definition.CreateUserState();
        oldFirst.Apply(old);
        oldFirst.Apply(recent);
        var oldLast = definition.CreateUserState();
        oldLast.Apply(recent);
        oldLast.Apply(old);

        Assert.Equal(50, oldFirst.Evaluate(Day0.AddDays(200)).Score);
        Assert.Equal(oldFirst.ToSnapshot().Slots, oldLast.ToSnapshot().Slots);
    }
}
