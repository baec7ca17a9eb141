namespace PqlGrains.Abstractions.Definitions;

/// <summary>
/// A shadow version compared with the active one since the shadow started: distinct subjects that reached a tier
/// under each, how many both flagged, and how many of each converted (conversions the leads API recorded).
/// </summary>
/// <param name="ActiveVersions">Active versions seen during the shadow period (more than one after an activation).</param>
/// <param name="StoppedAt">When the shadow stopped; null while it runs.</param>
/// <param name="Truncated">The ledger hit its bound: counts cover the first recorded leads only.</param>
[GenerateSerializer, Immutable]
public sealed record ShadowReport(
    [property: Id(0)] string ShadowVersion,
    [property: Id(1)] string[] ActiveVersions,
    [property: Id(2)] DateTimeOffset? StartedAt,
    [property: Id(3)] DateTimeOffset? StoppedAt,
    [property: Id(4)] int ShadowLeads,
    [property: Id(5)] int ActiveLeads,
    [property: Id(6)] int Overlap,
    [property: Id(7)] ShadowTierCount[] ByTier,
    [property: Id(8)] int Conversions,
    [property: Id(9)] int ShadowConverted,
    [property: Id(10)] int ActiveConverted,
    [property: Id(11)] int OverlapConverted,
    [property: Id(12)] WouldBeLead[] RecentShadowLeads,
    [property: Id(13)] bool Truncated);
