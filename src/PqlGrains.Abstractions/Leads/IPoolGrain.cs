namespace PqlGrains.Abstractions.Leads;

/// <summary>
/// One routing pool (key: pool id). A single activation serialises assignment, so round-robin and capacity hold
/// across silos; it tracks which open leads each member holds.
/// </summary>
public interface IPoolGrain : IGrainWithStringKey
{
    /// <summary>Picks the next eligible rep (never <paramref name="excludedRepId"/>) and counts the lead against them.</summary>
    /// <param name="routingRevision">The routing revision the lead was routed with: a pool whose silo already holds it
    /// (or a newer one) assigns without asking the routing grain again.</param>
    Task<PoolPick> Assign(string leadId, string? excludedRepId, int? routingRevision = null);

    /// <summary>The lead no longer counts against its rep (contacted, re-queued or closed). Idempotent.</summary>
    Task Release(string leadId);

    /// <summary>Open leads per member.</summary>
    Task<Dictionary<string, int>> Workload();
}
