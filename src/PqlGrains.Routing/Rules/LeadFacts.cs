using PqlGrains.Routing.Assignment;
using PqlGrains.Routing.Enrichment;
using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Rules;

/// <summary>What the rules look at for one lead, after enrichment.</summary>
/// <param name="Tier">The score tier name from the definition (e.g. warm, hot, sales_ready).</param>
/// <param name="Country">Company HQ country, ISO 3166-1 alpha-2, when known.</param>
/// <param name="Region">Company HQ region (e.g. EMEA, NA), when known.</param>
public sealed record LeadFacts(string Tier, Segment Segment, string? Country, string? Region, LeadMotion Motion)
{
    /// <summary>The facts after enrichment: segment from firmographics, territory from the company's HQ.</summary>
    public static LeadFacts From(string tier, LeadEnrichment enrichment, LeadMotion motion) =>
        new(tier, enrichment.Segment.Segment, enrichment.Firmographics?.Country, enrichment.Firmographics?.Region, motion);

    public LeadPlacement Placement => new(Segment, Country, Region);
}
