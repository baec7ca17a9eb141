namespace PqlGrains.Simulation;

/// <summary>The hidden model's view of a user's behaviour: decayed counts, bounded in size.</summary>
internal sealed class UserEvidence
{
    public bool HasApiKey { get; set; }

    public double Invites { get; set; }

    public double UsageNearLimit { get; set; }

    public double PaidIntegration { get; set; }

    public double BillingVisits { get; set; }

    public double Exports { get; set; }

    public double HelpDocs { get; set; }

    public int DistinctFeatures14Days { get; set; }

    public void Decay(double factor)
    {
        Invites *= factor;
        UsageNearLimit *= factor;
        PaidIntegration *= factor;
        BillingVisits *= factor;
        Exports *= factor;
        HelpDocs *= factor;
    }
}
