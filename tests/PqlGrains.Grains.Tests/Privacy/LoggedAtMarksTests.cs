using PqlGrains.Grains.Ingest;

namespace PqlGrains.Grains.Tests.Privacy;

public sealed class LoggedAtMarksTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Nothing_is_expired_before_the_first_append_or_when_every_append_is_recent()
    {
        var marks = new LoggedAtMarks();
        Assert.Equal(0, marks.LoggedBefore(T0));

        marks.Record(10, T0);
        Assert.Equal(0, marks.LoggedBefore(T0));
    }

    [Fact]
    public void Expired_through_is_the_last_sequence_logged_before_the_cutoff()
    {
        var marks = new LoggedAtMarks();
        marks.Record(10, T0);
        marks.Record(20, T0.AddHours(1));
        marks.Record(30, T0.AddHours(2));

        Assert.Equal(10, marks.LoggedBefore(T0.AddMinutes(30)));
        Assert.Equal(20, marks.LoggedBefore(T0.AddHours(1).AddTicks(1)));
        Assert.Equal(30, marks.LoggedBefore(T0.AddDays(1)));
    }

    [Fact]
    public void Appends_closer_than_the_spacing_share_a_mark_that_moves_forward_and_never_claims_too_much()
    {
        var marks = new LoggedAtMarks();
        marks.Record(1, T0);
        for (var second = 1; second <= 30; second++)
        {
            marks.Record(1 + second, T0.AddSeconds(second));
        }

        Assert.Equal(2, marks.Count);

        // Sequence 31 was logged at T0+30s: a cutoff before it must not expire it, even though its mark is shared.
        Assert.Equal(1, marks.LoggedBefore(T0.AddSeconds(20)));
        Assert.Equal(31, marks.LoggedBefore(T0.AddSeconds(31)));
    }

    [Fact]
    public void Marks_of_deleted_events_are_forgotten_and_later_ones_kept()
    {
        var marks = new LoggedAtMarks();
        marks.Record(10, T0);
        marks.Record(20, T0.AddHours(1));
        marks.Record(30, T0.AddHours(2));

        marks.ForgetThrough(15);

        Assert.Equal(2, marks.Count);
        Assert.Equal(20, marks.LoggedBefore(T0.AddHours(1).AddTicks(1)));
    }
}
