namespace PqlGrains.Routing.Assignment;

/// <summary>A pool member passed over, with the reason an operator can read.</summary>
public sealed record SkippedRep(string RepId, SkipReason Reason, string Detail);
