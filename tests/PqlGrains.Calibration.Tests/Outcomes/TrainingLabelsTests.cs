using PqlGrains.Calibration.Metrics;
using PqlGrains.Calibration.Outcomes;

namespace PqlGrains.Calibration.Tests.Outcomes;

public sealed class TrainingLabelsTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(21);

    private static FeedbackRecord Verdict(string userId, FeedbackVerdict verdict, int qualifiedDay) =>
        new($"user:{userId}~1", "user:" + userId, userId, null, verdict, "1", Day0.AddDays(qualifiedDay), Day0.AddDays(qualifiedDay + 3));

    private static TrainingLabels Labels(IEnumerable<(string, DateTimeOffset)> conversions, params FeedbackRecord[] feedback) =>
        new(new ConversionLedger(conversions), feedback);

    [Fact]
    public void A_good_verdict_is_a_positive_outcome_when_its_lead_qualified_and_settles_the_user_after()
    {
        var labels = Labels([], Verdict("ana", FeedbackVerdict.Good, qualifiedDay: 30));

        Assert.Equal(new TrainingLabel(true, LabelSource.GoodFeedback), labels.Label("ana", Day0.AddDays(14), Window));
        Assert.Equal(new TrainingLabel(false, LabelSource.NoOutcome), labels.Label("ana", Day0.AddDays(7), Window));
        Assert.False(labels.Settled("ana", Day0.AddDays(29)));
        Assert.True(labels.Settled("ana", Day0.AddDays(30)));
        Assert.True(labels.Outcomes.TryGetConversion("ana", out var at));
        Assert.Equal(Day0.AddDays(30), at);
    }

    [Fact]
    public void A_conversion_wins_over_a_verdict_in_the_same_window()
    {
        var labels = Labels([("ben", Day0.AddDays(25))], Verdict("ben", FeedbackVerdict.TooEarly, 20), Verdict("ben", FeedbackVerdict.NotAFit, 22));

        Assert.Equal(new TrainingLabel(true, LabelSource.Conversion), labels.Label("ben", Day0.AddDays(14), Window));
    }

    [Fact]
    public void Too_early_leaves_out_only_the_snapshots_whose_window_holds_the_lead()
    {
        var labels = Labels([], Verdict("cy", FeedbackVerdict.TooEarly, 30));

        Assert.Null(labels.Label("cy", Day0.AddDays(14), Window));
        Assert.Null(labels.Label("cy", Day0.AddDays(29), Window));
        Assert.Equal(new TrainingLabel(false, LabelSource.NoOutcome), labels.Label("cy", Day0.AddDays(8), Window));
        Assert.Equal(new TrainingLabel(false, LabelSource.NoOutcome), labels.Label("cy", Day0.AddDays(30), Window));
        Assert.False(labels.Settled("cy", Day0.AddDays(60)));
    }

    [Fact]
    public void Not_a_fit_keeps_the_snapshot_negative_and_says_why()
    {
        var labels = Labels([], Verdict("dee", FeedbackVerdict.NotAFit, 30));

        Assert.Equal(new TrainingLabel(false, LabelSource.NotAFitFeedback), labels.Label("dee", Day0.AddDays(14), Window));
        Assert.Equal(new TrainingLabel(false, LabelSource.NoOutcome), labels.Label("dee", Day0.AddDays(31), Window));
        Assert.False(labels.Outcomes.TryGetConversion("dee", out _));
    }

    [Fact]
    public void The_earlier_of_a_conversion_and_a_good_verdict_is_the_outcome()
    {
        var labels = Labels([("eve", Day0.AddDays(40))], Verdict("eve", FeedbackVerdict.Good, 30));

        Assert.True(labels.Outcomes.TryGetConversion("eve", out var at));
        Assert.Equal(Day0.AddDays(30), at);
    }
}
