namespace PqlGrains.Grains.Tests.Leads;

/// <summary>
/// The lead cluster with a hot SLA of seconds, so misses happen while a test watches. Only the SLA tests share it:
/// in the main lead cluster a test that records contact or waits for a CRM delivery would race this deadline
/// whenever the machine stalls for as long.
/// </summary>
public sealed class SlaLeadClusterFixture : LeadClusterFixture
{
    public static readonly TimeSpan ShortHotSla = TimeSpan.FromSeconds(3);

    protected override TimeSpan HotSla => ShortHotSla;
}

[CollectionDefinition(Name)]
public sealed class SlaLeadClusterCollection : ICollectionFixture<SlaLeadClusterFixture>
{
    public const string Name = "sla lead cluster";
}
