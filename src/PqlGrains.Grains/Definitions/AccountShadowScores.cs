using PqlGrains.Abstractions.Accounts;
using PqlGrains.Grains.Scoring;

namespace PqlGrains.Grains.Definitions;

/// <summary>
/// An account's states under the shadow versions: account signals fed with the members' events, and each member's
/// score under that version (as the member reports it; a member that has not reported under a version yet counts
/// with its active score, as after an activation). A state added mid-flight cannot replay account signals (the log
/// is keyed by user): it starts from the members' scores, and its tier then is the baseline.
/// </summary>
internal sealed class AccountShadowScores : ShadowStates<IAccountScoreState>
{
    public void ReportMember(string userId, double activeScore, IReadOnlyList<ShadowMemberScore>? shadowScores, DateTimeOffset evaluatedAt)
    {
        foreach (var state in States)
        {
            var score = shadowScores?.FirstOrDefault(s => s.Version == state.DefinitionVersion)?.Score ?? activeScore;
            state.ReportMember(userId, score, evaluatedAt);
        }
    }

    public void RemoveMember(string userId, DateTimeOffset at)
    {
        foreach (var state in States)
        {
            state.RemoveMember(userId, at);
        }
    }

    protected override IAccountScoreState Create(IScoringModel model) => model.CreateAccountState();

    protected override IAccountScoreState Restore(IScoringModel model, byte[] snapshot) => model.RestoreAccountState(snapshot);
}
