namespace PqlGrains.Abstractions.Leads;

public static class LeadStatusExtensions
{
    /// <summary>Open, assigned and contacted leads are still being worked; the others are closed for good.</summary>
    public static bool IsOpen(this LeadStatus status) => status is LeadStatus.Open or LeadStatus.Assigned or LeadStatus.Contacted;
}
