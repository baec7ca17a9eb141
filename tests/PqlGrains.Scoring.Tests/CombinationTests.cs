using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class CombinationTests
{
    private static readonly string[] Behaviours = ["a", "b", "c", "d", "e"];

    [Fact]
    public void Three_of_five_behaviours_qualify_and_two_do_not()
    {
        var definition = Definitions.WithSignals("""
              - id: three_of_five
                category: depth
                points: 60
                when:
                  atLeast:
                    count: 3
                    of:
                      - count: { on: a }
                      - count: { on: b }
                      - count: { on: c }
                      - count: { on: d }
                      - count: { on: e }
            """);
        var state = definition.CreateUserState();
        state.Apply(Track(Behaviours[0], Day0));
        state.Apply(Track(Behaviours[3], Day0));
        state.Apply(Track(Behaviours[3], Day0));
        Assert.Equal(0, state.Evaluate(Day0).Score);

        state.Apply(Track(Behaviours[4], Day0));
        Assert.Equal(60, state.Evaluate(Day0).Score);
    }

    [Theory]
    [InlineData(1, 0, 50)]
    [InlineData(0, 2, 0)]
    [InlineData(0, 3, 50)]
    public void The_high_value_thing_once_or_the_medium_value_thing_three_times(int highValue, int mediumValue, double expected)
    {
        var definition = Definitions.WithSignals("""
              - id: a_or_3b
                category: adoption
                points: 50
                when:
                  any:
                    - count: { on: plan.compared }
                    - count: { on: template.used, atLeast: 3 }
            """);
        var state = definition.CreateUserState();
        for (var i = 0; i < highValue; i++)
        {
            state.Apply(Track("plan.compared", Day0));
        }

        for (var i = 0; i < mediumValue; i++)
        {
            state.Apply(Track("template.used", Day0));
        }

        Assert.Equal(expected, state.Evaluate(Day0).Score);
    }

    [Fact]
    public void Activation_and_seen_within_14_days_stops_holding_after_14_quiet_days()
    {
        var definition = Definitions.WithSignals("""
              - id: activated_and_recent
                category: frequency
                points: 40
                when:
                  all:
                    - count: { on: project.created }
                    - count: { on: teammate.joined }
                    - seenWithin: 14d
            """);
        var state = definition.CreateUserState();
        state.Apply(Track("project.created", Day0));
        Assert.Equal(0, state.Evaluate(Day0).Score);

        state.Apply(Track("teammate.joined", Day0));
        Assert.Equal(40, state.Evaluate(Day0).Score);
        Assert.True(state.Evaluate(Day0.AddDays(13)).Score > 0);
        Assert.Equal(0, state.Evaluate(Day0.AddDays(14)).Score);
    }
}
