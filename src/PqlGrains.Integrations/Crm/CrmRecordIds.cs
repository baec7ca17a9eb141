namespace PqlGrains.Integrations.Crm;

/// <summary>The existing CRM records a task or note is attached to, per CRM (from identify/group traits or a CRM lookup).</summary>
/// <param name="SalesforceWhoId">A Contact or Lead id.</param>
/// <param name="SalesforceWhatId">An Account or Opportunity id.</param>
public sealed record CrmRecordIds(
    string? HubSpotContactId = null,
    string? HubSpotCompanyId = null,
    string? HubSpotDealId = null,
    string? SalesforceWhoId = null,
    string? SalesforceWhatId = null)
{
    public static CrmRecordIds None { get; } = new();
}
