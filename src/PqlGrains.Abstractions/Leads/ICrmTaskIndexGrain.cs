namespace PqlGrains.Abstractions.Leads;

/// <summary>
/// Finds the lead behind a CRM task id when a CRM reports the task completed. Key: <c>{connector}:{taskId}</c>.
/// </summary>
public interface ICrmTaskIndexGrain : IGrainWithStringKey
{
    Task Link(string leadId);

    Task<string?> LeadId();
}
