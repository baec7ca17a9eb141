using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Assignment;

/// <summary>Everything a pool needs to pick a rep; the caller (one pool grain) owns the cursor and workloads.</summary>
/// <param name="Reps">Reps by id (typically <see cref="RoutingConfiguration.Reps"/>).</param>
/// <param name="OpenLeads">Each rep's current open-lead count; a missing rep counts as zero.</param>
/// <param name="Cursor">Round-robin position: the index in <see cref="Pool.Members"/> to try first.</param>
/// <param name="ExcludedRepId">The rep who last held the lead (re-queue), never picked again.</param>
/// <param name="Lead">Where the company is and its segment, checked against reps' territories and segment;
/// unknown facts never exclude a rep.</param>
public sealed record AssignmentRequest(
    Pool Pool,
    IReadOnlyDictionary<string, Rep> Reps,
    IReadOnlyDictionary<string, int> OpenLeads,
    DateTimeOffset Now,
    int Cursor,
    string? ExcludedRepId = null,
    LeadPlacement? Lead = null)
{
    public static AssignmentRequest For(
        RoutingConfiguration configuration,
        Pool pool,
        IReadOnlyDictionary<string, int> openLeads,
        DateTimeOffset now,
        int cursor,
        string? excludedRepId = null,
        LeadPlacement? lead = null) =>
        new(pool, configuration.Reps.ToDictionary(rep => rep.Id, StringComparer.Ordinal), openLeads, now, cursor, excludedRepId, lead);
}
