using PqlGrains.Abstractions.Definitions;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Abstractions.Scores;

namespace PqlGrains.Grains.Definitions;

internal static class WouldBeLeads
{
    /// <summary>The lead a tier change into a tier would open, keyed by the subject lead grains use.</summary>
    public static WouldBeLead From(TierChanged change) =>
        new(LeadKeys.SubjectOf(change), change.Kind, change.SubjectId, change.NewTier!, change.Score, change.DefinitionVersion, change.At);

    /// <summary>
    /// Records a subject's shadow crossings into a tier in each shadow's ledger, and nowhere else: not the tier-change
    /// observers, so no lead, route or CRM call. A drop below every tier is no lead.
    /// </summary>
    public static async Task RecordShadowCrossingsAsync(
        IGrainFactory grains,
        IEnumerable<(ScoreSummary Summary, string? OldTier)> crossings,
        SubjectKind kind,
        string subjectId,
        string? accountId,
        DateTimeOffset now)
    {
        foreach (var (summary, oldTier) in crossings)
        {
            if (summary.Tier is null)
            {
                continue;
            }

            var change = new TierChanged(kind, subjectId, oldTier, summary.Tier, summary.Score, summary.DefinitionVersion, now, summary.RouteImmediately, accountId);
            await grains.GetGrain<IShadowLedgerGrain>(summary.DefinitionVersion).RecordShadow(From(change));
        }
    }
}
