namespace PqlGrains.Abstractions.Leads;

/// <summary>
/// One rep's open leads across every pool they are in (key: rep id). Pools reserve here before they assign, and a
/// single activation serialises the reservations, so a rep in two pools never exceeds their capacity however many
/// silos assign at once.
/// </summary>
public interface IRepWorkloadGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts the lead against the rep when they hold fewer than <paramref name="capacity"/> open leads. Idempotent: a
    /// lead the rep already holds is reserved again without counting twice.
    /// </summary>
    Task<RepReservation> Reserve(string leadId, int capacity);

    /// <summary>The lead no longer counts against the rep (contacted, re-queued or closed). Idempotent.</summary>
    Task Release(string leadId);

    /// <summary>Counts leads without a capacity check: pools bring leads assigned before the ledger existed.</summary>
    Task Hold(string[] leadIds);

    /// <summary>The leads the rep holds now.</summary>
    Task<string[]> OpenLeads();
}
