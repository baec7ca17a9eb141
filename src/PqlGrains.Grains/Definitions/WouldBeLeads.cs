using PqlGrains.Abstractions.Definitions;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Grains.Definitions;

internal static class WouldBeLeads
{
    /// <summary>The lead a tier change into a tier would open, keyed by the subject lead grains use.</summary>
    public static WouldBeLead From(TierChanged change) =>
        new(LeadKeys.SubjectOf(change), change.Kind, change.SubjectId, change.NewTier!, change.Score, change.DefinitionVersion, change.At);
}
