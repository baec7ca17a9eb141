using CsCheck;
using PqlGrains.Scoring.Events;
using PqlGrains.Scoring.Definitions;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

/// <summary>
/// The account grain checks for a rising tier after every member report with the cheap account score; it must
/// equal the full evaluation (account signals plus the top members' decayed scores) to the last bit.
/// </summary>
public sealed class AccountScoreAtPropertyTests
{
    private static readonly string[] Names = ReplayPropertyTests.Names;

    private static readonly Gen<ScoringEvent> GenEvent =
        Gen.Select(Gen.Int[0, Names.Length - 1], Gen.Int[0, 30 * 24 * 60], Gen.Int[0, 7])
            .Select((name, minute, user) => Track(Names[name], Day0.AddMinutes(minute), user: "u" + user));

    // A member report: user, score (often tied with others), minutes after Day0 it was evaluated.
    private static readonly Gen<(int User, double Score, int Minute)> GenReport =
        Gen.Select(Gen.Int[0, 12], Gen.OneOf(Gen.Double[0, 120], Gen.Const(35.0), Gen.Const(0.0)), Gen.Int[0, 30 * 24 * 60]);

    [Fact]
    public void Cheap_account_score_equals_the_full_evaluation_after_any_events_and_member_reports()
    {
        Gen.Select(GenEvent.Array[0, 40], GenReport.Array[0, 30], Gen.Int[-600, 20 * 24 * 60]).Sample((events, reports, askOffset) =>
        {
            var account = PqlDefinition.Default.CreateAccountState();
            foreach (var scoringEvent in events)
            {
                account.Apply(scoringEvent);
            }

            foreach (var (user, score, minute) in reports)
            {
                account.ReportMember("u" + user, score, Day0.AddMinutes(minute));
            }

            var at = Day0.AddDays(15).AddMinutes(askOffset);
            return BitConverter.DoubleToInt64Bits(account.ScoreAt(at)) == BitConverter.DoubleToInt64Bits(account.Evaluate(at).Score);
        }, iter: 300);
    }

    [Fact]
    public void Cheap_account_score_counts_only_the_top_members()
    {
        var account = PqlDefinition.Default.CreateAccountState();
        account.ReportMember("u1", 50, Day0);
        account.ReportMember("u2", 30, Day0);
        account.ReportMember("u3", 20, Day0);
        account.ReportMember("u4", 10, Day0);

        Assert.Equal(100, account.ScoreAt(Day0));
        Assert.Equal(account.Evaluate(Day0.AddDays(7)).Score, account.ScoreAt(Day0.AddDays(7)));
    }
}
