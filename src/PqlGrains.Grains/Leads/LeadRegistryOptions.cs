namespace PqlGrains.Grains.Leads;

/// <summary>Bound from <c>Pql:Leads:Registry</c>: how much history the listing keeps.</summary>
public sealed class LeadRegistryOptions
{
    public const string SectionName = "Pql:Leads:Registry";

    /// <summary>Closed leads kept in the listing (oldest dropped first); open leads are always listed.</summary>
    public int ClosedLeads { get; set; } = 10_000;

    public int DeadLetters { get; set; } = 1_000;

    public int Conversions { get; set; } = 10_000;

    /// <summary>
    /// Least time between two writes of the listing while updates keep coming (a lone update is written at once).
    /// Lead updates wait for the listing's write, but CRM deliveries do not.
    /// </summary>
    public TimeSpan WriteSpacing { get; set; } = TimeSpan.FromMilliseconds(250);
}
