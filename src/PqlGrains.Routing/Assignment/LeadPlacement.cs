using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Assignment;

/// <summary>The lead's segment and company location, as far as enrichment knows them.</summary>
public sealed record LeadPlacement(Segment? Segment, string? Country, string? Region);
