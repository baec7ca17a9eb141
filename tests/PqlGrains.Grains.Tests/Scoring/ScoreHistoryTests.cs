using PqlGrains.Grains.Scoring;

namespace PqlGrains.Grains.Tests.Scoring;

public sealed class ScoreHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Score_a_day_before_is_the_last_one_recorded_at_or_before_that_moment()
    {
        var history = new ScoreHistory();
        history.Record(Now.AddHours(-30), 10);
        history.Record(Now.AddHours(-24).AddMinutes(-40), 20);
        history.Record(Now.AddHours(-23), 30);
        history.Record(Now, 70);

        Assert.Equal(20, history.DayBefore(Now));
        Assert.Equal(30, history.DayBefore(Now.AddHours(1)));
        Assert.Null(history.AsOf(Now.AddHours(-31)));
    }

    [Fact]
    public void Scores_within_one_hour_keep_only_the_latest()
    {
        var history = new ScoreHistory();
        history.Record(Now.AddMinutes(-40), 10);
        history.Record(Now.AddMinutes(-20), 20);
        history.Record(Now, 30);

        Assert.Equal([10.0, 30.0], history.Points.Select(point => point.Score));
    }

    [Fact]
    public void A_late_older_evaluation_does_not_rewrite_history()
    {
        var history = new ScoreHistory();
        history.Record(Now, 50);
        history.Record(Now.AddHours(-2), 10);

        Assert.Equal(50, Assert.Single(history.Points).Score);
    }

    [Fact]
    public void History_stays_bounded_to_a_day_and_still_answers_the_day_before()
    {
        var history = new ScoreHistory();
        for (var hour = 0; hour < 24 * 7; hour++)
        {
            history.Record(Now.AddHours(hour), hour);
        }

        var last = Now.AddHours(24 * 7 - 1);
        Assert.InRange(history.Points.Count, 24, 26);
        Assert.Equal(24 * 6 - 1, history.DayBefore(last));
    }
}
