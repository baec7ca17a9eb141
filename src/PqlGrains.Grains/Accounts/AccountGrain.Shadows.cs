using PqlGrains.Abstractions.Accounts;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Definitions;

namespace PqlGrains.Grains.Accounts;

/// <summary>
/// Shadow definitions for accounts, as <c>UserGrain</c> keeps them for users: a state under each shadow version fed
/// the members' events and their shadow scores; its tier crossings go to the shadow's ledger only (never the
/// tier-change observers), so no lead, route or CRM call.
/// </summary>
internal sealed partial class AccountGrain
{
    private readonly AccountShadowScores _shadows = new();
    private bool _savedShadowsSeen;

    /// <summary>
    /// Brings the shadow states in line with the model's shadow versions: saved ones are restored on the first
    /// alignment after activation, new ones start from the members' last reported scores.
    /// </summary>
    private void AlignShadows()
    {
        var saved = _savedShadowsSeen ? null : _state.State.Shadows;
        _savedShadowsSeen = true;
        var models = _model.Shadows;
        if (_shadows.Matches(models))
        {
            return;
        }

        var members = _state.State.Members;
        var now = _time.GetUtcNow();
        foreach (var model in _shadows.Align(models, saved))
        {
            _shadows.Build(model, [], now, state =>
            {
                foreach (var (userId, member) in members)
                {
                    state.ReportMember(userId, member.Score, member.EvaluatedAt);
                }
            });
        }
    }

    /// <summary>Feeds a member report to the shadows; called before the active state takes it, with the member as known then.</summary>
    private void ReportToShadows(AccountMemberReport report, AccountMember member)
    {
        AlignShadows();
        foreach (var logged in report.Events)
        {
            if (logged.Sequence > member.AppliedSequence)
            {
                _shadows.Apply(logged.Event);
            }
        }

        if (report.EvaluatedAt >= member.EvaluatedAt)
        {
            _shadows.ReportMember(report.UserId, report.Score, report.ShadowScores, report.EvaluatedAt);
        }
    }

    private void RemoveFromShadows(string userId)
    {
        AlignShadows();
        _shadows.RemoveMember(userId, _time.GetUtcNow());
    }

    /// <summary>Records the shadows' tier crossings as would-be leads and keeps their states with the checkpoint.</summary>
    private async Task SettleShadowsAsync(AccountCheckpoint checkpoint, DateTimeOffset now)
    {
        AlignShadows();
        await WouldBeLeads.RecordShadowCrossingsAsync(GrainFactory, _shadows.Crossings(now), SubjectKind.Account, AccountId, AccountId, now);
        checkpoint.Shadows = _shadows.Save();
    }
}
