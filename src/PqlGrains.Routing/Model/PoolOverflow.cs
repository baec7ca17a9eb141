namespace PqlGrains.Routing.Model;

/// <summary>Where a lead waits when nobody in the pool is eligible, and who hears about it.</summary>
public sealed record PoolOverflow(string Queue, string ManagerId);
