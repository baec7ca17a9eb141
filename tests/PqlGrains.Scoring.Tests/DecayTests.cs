using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class DecayTests
{
    private const string Billing = "  - { id: billing, category: adoption, points: 50, on: billing.viewed }\n";

    [Theory]
    [InlineData(0, 50)]
    [InlineData(7, 25)]
    [InlineData(14, 12.5)]
    public void Points_halve_every_7_days_with_the_default_half_life(int daysAgo, double expected)
    {
        var state = Definitions.WithSignals(Billing).CreateUserState();
        state.Apply(Track("billing.viewed", Day0));
        Assert.Equal(expected, state.Evaluate(Day0.AddDays(daysAgo)).Score);
    }

    [Fact]
    public void Daily_decay_counts_whole_calendar_days_so_late_the_same_day_is_full_strength()
    {
        var state = Definitions.WithSignals(Billing).CreateUserState();
        state.Apply(Track("billing.viewed", Day0.Date.AddMinutes(1).ToUniversalTimeOffset()));
        Assert.Equal(50, state.Evaluate(Day0.Date.AddHours(23.9).ToUniversalTimeOffset()).Score);
        Assert.Equal(Math.Round(50 * Math.Pow(2, -1.0 / 7), 6), state.Evaluate(Day0.Date.AddHours(24.1).ToUniversalTimeOffset()).Score);
    }

    [Fact]
    public void Continuous_decay_counts_elapsed_time_exactly()
    {
        var state = Definitions.WithSignals(Billing, "decay: continuous").CreateUserState();
        state.Apply(Track("billing.viewed", Day0));
        Assert.Equal(25, state.Evaluate(Day0.AddDays(7)).Score);
        Assert.Equal(Math.Round(50 * Math.Pow(2, -0.5 / 7), 6), state.Evaluate(Day0.AddHours(12)).Score);
    }

    [Fact]
    public void Days_are_counted_in_the_definition_time_zone()
    {
        // 23:30 UTC on March 2 is already March 3 in Paris; at 08:00 Paris on March 3 it is the same day there.
        var paris = Definitions.WithSignals(Billing, "timeZone: Europe/Paris").CreateUserState();
        var utc = Definitions.WithSignals(Billing).CreateUserState();
        var late = new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero);
        paris.Apply(Track("billing.viewed", late));
        utc.Apply(Track("billing.viewed", late));
        var nextMorning = new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.Zero);

        Assert.Equal(50, paris.Evaluate(nextMorning).Score);
        Assert.True(utc.Evaluate(nextMorning).Score < 50);
    }

    [Fact]
    public void A_custom_half_life_sets_the_decay_rate()
    {
        var state = Definitions.WithSignals(Billing, "halfLifeDays: 14").CreateUserState();
        state.Apply(Track("billing.viewed", Day0));
        Assert.Equal(25, state.Evaluate(Day0.AddDays(14)).Score);
    }

    [Fact]
    public void Per_occurrence_points_of_different_days_decay_separately()
    {
        var state = Definitions.WithSignals(Billing).CreateUserState();
        state.Apply(Track("billing.viewed", Day0));
        state.Apply(Track("billing.viewed", Day0.AddDays(7)));
        Assert.Equal(75, state.Evaluate(Day0.AddDays(7)).Score);
    }

    [Fact]
    public void Points_are_kept_across_years_without_overflow()
    {
        var state = Definitions.WithSignals(Billing).CreateUserState();
        for (var year = 0; year < 30; year++)
        {
            state.Apply(Track("billing.viewed", Day0.AddDays(365 * year)));
        }

        Assert.Equal(50, state.Evaluate(Day0.AddDays(365 * 29)).Score, 3);
    }
}

internal static class DateTimeTestExtensions
{
    public static DateTimeOffset ToUniversalTimeOffset(this DateTime dateTime) => new(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc));
}
