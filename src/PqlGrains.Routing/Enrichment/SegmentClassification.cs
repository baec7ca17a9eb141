using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Enrichment;

/// <summary>The segment and the role that should work it first, with the reason shown to operators.</summary>
public sealed record SegmentClassification(Segment Segment, RepRole FirstRole, string Reason);
