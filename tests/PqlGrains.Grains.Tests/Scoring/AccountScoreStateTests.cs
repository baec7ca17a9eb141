using PqlGrains.Grains.Scoring;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Scoring;

public sealed class AccountScoreStateTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DefinitionScoringModel Model = new(PqlDefinition.Default);

    [Fact]
    public void A_compacted_account_scores_and_saves_exactly_like_one_that_stayed_live()
    {
        var compacted = Model.CreateAccountState();
        var live = Model.CreateAccountState();
        for (var i = 0; i < 40; i++)
        {
            var member = $"u-{i % 7}";
            var scoringEvent = Track(i, member, i % 4 == 0 ? "user.billing_page_viewed" : "feature.activated");
            foreach (var state in new[] { compacted, live })
            {
                state.Apply(scoringEvent);
                state.ReportMember(member, 10 + i, scoringEvent.Timestamp);
            }

            if (i == 30)
            {
                compacted.RemoveMember("u-3", scoringEvent.Timestamp);
                live.RemoveMember("u-3", scoringEvent.Timestamp);
            }

            if (i % 5 == 0)
            {
                compacted.CompactAs(compacted.Save());
            }
        }

        var saved = compacted.Save();
        compacted.CompactAs(saved);

        Assert.Same(saved, compacted.Save());
        Assert.Equal(live.Save(), compacted.Save());
        var at = Day0.AddDays(3);
        Assert.Equal(live.ScoreAndTierAt(at), compacted.ScoreAndTierAt(at));
        var expected = live.Evaluate(at);
        var actual = compacted.Evaluate(at);
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Tier, actual.Tier);
        Assert.Equal(expected.Breakdown, actual.Breakdown);
        compacted.CompactAs(compacted.Save());
        Assert.False(compacted.Apply(Track(39, "u-4", "feature.activated")));
        Assert.Equal(live.DefinitionVersion, compacted.DefinitionVersion);
    }

    private static ScoringEvent Track(int i, string userId, string name) =>
        new($"m-{i}", userId, EventType.Track, name, Day0.AddHours(i), EventProperties.Empty);
}
