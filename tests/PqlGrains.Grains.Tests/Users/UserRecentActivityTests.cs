using PqlGrains.Grains.Users;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Users;

public sealed class UserRecentActivityTests
{
    private static readonly DateTimeOffset Today = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly UserRecentActivity _recent = new();

    [Fact]
    public void Score_yesterday_is_the_score_recorded_24_hours_earlier()
    {
        var recent = new UserRecentActivity();
        recent.RecordScore(Today.AddDays(-1).AddHours(-5), 30);
        recent.RecordScore(Today.AddDays(-1).AddHours(2), 55);
        recent.RecordScore(Today.AddDays(-1).AddHours(4), 61);
        recent.RecordScore(Today, 85);
        recent.RecordScore(Today.AddHours(2), 90);

        Assert.Equal(55, recent.Facts(Today.AddHours(3)).ScoreYesterday);
        Assert.Equal(61, recent.Facts(Today.AddHours(4)).ScoreYesterday);
    }

    [Fact]
    public void Score_yesterday_is_unknown_when_nothing_was_recorded_that_long_ago()
    {
        var recent = new UserRecentActivity();
        recent.RecordScore(Today.AddHours(-20), 42);
        recent.RecordScore(Today, 80);

        Assert.Null(recent.Facts(Today).ScoreYesterday);
        Assert.Null(new UserRecentActivity().Facts(Today).ScoreYesterday);
    }

    [Fact]
    public void Features_activated_in_the_last_7_days_are_listed_once_most_recent_first()
    {
        var recent = new UserRecentActivity();
        recent.Observe(ActivatedAt("dashboards", Today.AddDays(-9)));
        recent.Observe(ActivatedAt("sso", Today.AddDays(-2)));
        recent.Observe(ActivatedAt("api_keys", Today.AddDays(-1)));
        recent.Observe(ActivatedAt("sso", Today.AddHours(-1)));
        recent.Observe(new ScoringEvent("m-x", "u", EventType.Track, "report.exported", Today, Properties("feature", "exports")));

        Assert.Equal(["sso", "api_keys"], recent.Facts(Today).FeaturesUsed7Days);
    }

    [Fact]
    public void The_feature_list_stays_bounded()
    {
        var recent = new UserRecentActivity();
        for (var index = 0; index < 50; index++)
        {
            recent.Observe(ActivatedAt("feature-" + index, Today.AddMinutes(-index)));
        }

        var features = recent.Facts(Today).FeaturesUsed7Days;
        Assert.Equal(20, features.Length);
        Assert.Equal("feature-0", features[0]);
    }

    [Fact]
    public void A_feature_activated_again_moves_to_the_front_with_its_later_time_and_keeps_one_entry()
    {
        _recent.Observe(Activated("reports", minute: 1));
        _recent.Observe(Activated("alerts", minute: 2));
        _recent.Observe(Activated("reports", minute: 3));

        Assert.Equal([new RecentFeature("reports", Start.AddMinutes(3)), new RecentFeature("alerts", Start.AddMinutes(2))], _recent.Features!);
    }

    [Fact]
    public void An_earlier_activation_of_a_known_feature_changes_nothing()
    {
        _recent.Observe(Activated("reports", minute: 5));
        _recent.Observe(Activated("alerts", minute: 6));
        _recent.Observe(Activated("reports", minute: 1));

        Assert.Equal([new RecentFeature("alerts", Start.AddMinutes(6)), new RecentFeature("reports", Start.AddMinutes(5))], _recent.Features!);
    }

    [Fact]
    public void A_feature_activated_again_but_still_older_than_others_stays_behind_them()
    {
        _recent.Observe(Activated("alerts", minute: 9));
        _recent.Observe(Activated("reports", minute: 1));
        _recent.Observe(Activated("exports", minute: 5));
        _recent.Observe(Activated("reports", minute: 7));

        Assert.Equal(["alerts", "reports", "exports"], _recent.Features!.Select(seen => seen.Feature));
        Assert.Equal(Start.AddMinutes(7), _recent.Features![1].At);
    }

    private static ScoringEvent ActivatedAt(string feature, DateTimeOffset at) =>
        new(Guid.NewGuid().ToString("N"), "u", EventType.Track, UserRecentActivity.FeatureActivatedEvent, at, Properties("feature", feature));

    private static EventProperties Properties(string key, string value) => new([KeyValuePair.Create(key, PropertyValue.From(value))]);

    private static ScoringEvent Activated(string feature, int minute) =>
        new(Guid.NewGuid().ToString("N"), "user-1", EventType.Track, UserRecentActivity.FeatureActivatedEvent, Start.AddMinutes(minute),
            new EventProperties([new("feature", PropertyValue.From(feature))]));
}
