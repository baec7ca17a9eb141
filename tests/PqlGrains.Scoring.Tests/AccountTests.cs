using PqlGrains.Scoring.Definitions;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class AccountTests
{
    [Fact]
    public void Account_score_is_the_sum_of_its_top_3_users_decayed_scores()
    {
        var account = PqlDefinition.Default.CreateAccountState();
        account.ReportMember("u1", 50, Day0);
        account.ReportMember("u2", 30, Day0);
        account.ReportMember("u3", 20, Day0);
        account.ReportMember("u4", 10, Day0);

        Assert.Equal(100, account.Evaluate(Day0).Score);
        Assert.Equal(["u1", "u2", "u3"], account.Evaluate(Day0).TopMembers.Select(m => m.UserId));
        Assert.Equal(50, account.Evaluate(Day0.AddDays(7)).Score);
    }

    [Fact]
    public void Three_moderate_users_make_a_sales_ready_account()
    {
        var account = PqlDefinition.Default.CreateAccountState();
        foreach (var user in new[] { "u1", "u2", "u3" })
        {
            account.ReportMember(user, 35, Day0);
        }

        Assert.Equal("sales_ready", account.Evaluate(Day0).Tier!.Name);
    }

    [Fact]
    public void An_older_member_report_does_not_replace_a_newer_one()
    {
        var account = PqlDefinition.Default.CreateAccountState();
        Assert.True(account.ReportMember("u1", 50, Day0.AddHours(1)));
        Assert.False(account.ReportMember("u1", 10, Day0));
        Assert.Equal(50, account.Evaluate(Day0.AddHours(1)).Score);
    }

    [Fact]
    public void Three_active_users_within_7_days_earn_the_account_signal()
    {
        var account = PqlDefinition.Default.CreateAccountState();
        account.Apply(Track("dashboard.viewed", Day0, user: "u1"));
        account.Apply(Track("dashboard.viewed", Day0.AddDays(1), user: "u2"));
        account.Apply(Track("dashboard.viewed", Day0.AddDays(2), user: "u2"));
        Assert.Equal(0, account.Evaluate(Day0.AddDays(2)).Score);

        account.Apply(Track("dashboard.viewed", Day0.AddDays(2), user: "u3"));
        var result = account.Evaluate(Day0.AddDays(2));
        Assert.Equal(30, result.Score);
        Assert.Equal("3 active users in the last 7 days", result.TopSignals.Single());
        Assert.Equal(0, account.Evaluate(Day0.AddDays(7)).Score);
    }

    [Fact]
    public void Account_snapshot_round_trips()
    {
        var account = PqlDefinition.Default.CreateAccountState();
        account.ReportMember("u1", 50, Day0);
        account.Apply(Track("dashboard.viewed", Day0, user: "u1"));

        var restored = PqlDefinition.Default.RestoreAccountState(account.ToSnapshot());

        Assert.Equal(account.Evaluate(Day0.AddDays(1)), restored.Evaluate(Day0.AddDays(1)), new ScoreComparer());
    }
}
