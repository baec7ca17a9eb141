using PqlGrains.Abstractions.Accounts;
using PqlGrains.Grains.Definitions;
using PqlGrains.Grains.Scoring;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Tests.Definitions;

public sealed class AccountShadowScoresTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    // No account signals, so the account's score is its members' roll-up; tiers as the cluster tests' base version.
    private static readonly DefinitionScoringModel Shadow = new(PqlDefinition.Load(ClusterDefinitions.Yaml("s1", billing: 50, invite: 30, warm: 40, hot: 60, salesReady: 80), "s1.yaml").GetDefinitionOrThrow());

    [Fact]
    public void Members_count_with_their_shadow_score_and_with_their_active_score_until_they_report_one()
    {
        var shadows = new AccountShadowScores();
        shadows.Build(Shadow, [], Now);

        shadows.ReportMember("a", activeScore: 15, [new ShadowMemberScore("s1", 25)], Now);
        shadows.ReportMember("b", activeScore: 20, [new ShadowMemberScore("other", 90)], Now);
        var crossing = Assert.Single(shadows.Crossings(Now));

        Assert.Equal(("warm", (string?)null, 45.0), (crossing.Summary.Tier, crossing.OldTier, crossing.Summary.Score));
        Assert.Empty(shadows.Crossings(Now));
    }

    [Fact]
    public void A_state_built_from_the_members_takes_their_roll_up_as_baseline_and_is_restored_from_its_checkpoint()
    {
        var shadows = new AccountShadowScores();
        shadows.Build(Shadow, [], Now, state => state.ReportMember("a", 70, Now));

        Assert.Empty(shadows.Crossings(Now));
        var restored = new AccountShadowScores();
        Assert.Empty(restored.Align([Shadow], shadows.Save()));
        restored.RemoveMember("a", Now);
        var dropped = Assert.Single(restored.Crossings(Now));
        Assert.Equal(("hot", (string?)null), (dropped.OldTier, dropped.Summary.Tier));
    }
}
