namespace PqlGrains.Routing.Enrichment;

/// <summary>What enrichment learnt about a lead before routing.</summary>
/// <param name="CompanyDomain">The company's domain, or null for personal email with no company website trait.</param>
/// <param name="PersonalEmail">True when the contact's address is at a free/personal provider.</param>
public sealed record LeadEnrichment(
    string? Email,
    string? CompanyDomain,
    bool PersonalEmail,
    Firmographics? Firmographics,
    SegmentClassification Segment);
