namespace PqlGrains.Abstractions.Leads;

/// <summary>
/// The subject's existing CRM records, linked by an operator or a CRM sync. Tasks and notes attach to them; an open
/// opportunity makes the account sales-led (a note on the record, not a new task).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CrmLinks(
    [property: Id(0)] string? HubSpotContactId = null,
    [property: Id(1)] string? HubSpotCompanyId = null,
    [property: Id(2)] string? HubSpotDealId = null,
    [property: Id(3)] string? SalesforceWhoId = null,
    [property: Id(4)] string? SalesforceWhatId = null,
    [property: Id(5)] bool OpenOpportunity = false)
{
    public static CrmLinks None { get; } = new();
}
