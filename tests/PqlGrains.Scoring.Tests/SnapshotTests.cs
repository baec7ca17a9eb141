using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using static PqlGrains.Scoring.Tests.Events;

namespace PqlGrains.Scoring.Tests;

public sealed class SnapshotTests
{
    [Fact]
    public void A_restored_state_scores_and_dedupes_exactly_like_the_original()
    {
        var state = PqlDefinition.Default.CreateUserState();
        var invite = Track("team.member_invited", Day0, messageId: "invite-1");
        state.Apply(invite);
        state.Apply(Track("feature.activated", Day0, properties: ("feature", "sso")));

        var restored = PqlDefinition.Default.RestoreUserState(state.ToSnapshot());

        Assert.Equal(state.Evaluate(Day0.AddDays(3)), restored.Evaluate(Day0.AddDays(3)), new ScoreComparer());
        Assert.Equal(ApplyOutcome.Duplicate, restored.Apply(invite));
    }

    [Fact]
    public void A_snapshot_from_another_definition_version_is_refused_with_the_fix()
    {
        var snapshot = PqlDefinition.Default.CreateUserState().ToSnapshot() with { DefinitionVersion = "0" };
        var error = Assert.Throws<InvalidOperationException>(() => PqlDefinition.Default.RestoreUserState(snapshot));
        Assert.Contains("replay the event log", error.Message);
    }

    [Fact]
    public void Duplicate_message_ids_are_reported_and_change_nothing()
    {
        var state = PqlDefinition.Default.CreateUserState();
        var invite = Track("team.member_invited", Day0, messageId: "same");
        Assert.Equal(ApplyOutcome.Changed, state.Apply(invite));
        Assert.Equal(ApplyOutcome.Duplicate, state.Apply(invite with { Timestamp = Day0.AddHours(1) }));
        Assert.Equal(30, state.Evaluate(Day0).Score);
    }
}
