using PqlGrains.Abstractions.Accounts;
using PqlGrains.Grains.Scoring;

namespace PqlGrains.Grains.Definitions;

/// <summary>A user's states under the shadow versions.</summary>
internal sealed class ShadowScores : ShadowStates<IScoreState>
{
    /// <summary>Each shadow's score now, for the user's report to its account (whose shadows roll members up).</summary>
    /// <remarks>Null without shadows, so the usual report allocates nothing more.</remarks>
    public ShadowMemberScore[]? Scores(DateTimeOffset now) => Count == 0
        ? null
        : [.. States.Select(state => new ShadowMemberScore(state.DefinitionVersion, state.Evaluate(now).Score))];

    protected override IScoreState Create(IScoringModel model) => model.CreateUserState();

    protected override IScoreState Restore(IScoringModel model, byte[] snapshot) => model.RestoreUserState(snapshot);
}
