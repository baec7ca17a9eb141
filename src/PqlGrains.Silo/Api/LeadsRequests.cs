namespace PqlGrains.Silo.Api;

/// <summary><c>POST /api/leads/{leadId}/feedback</c>: verdict is good, too_early or not_a_fit.</summary>
public sealed record LeadsFeedbackRequest(string? Verdict, string? Note);

/// <summary><c>POST /api/leads/{leadId}/contacted</c>: when the rep reached out (default now).</summary>
public sealed record LeadsContactRequest(DateTimeOffset? At);

/// <summary><c>POST /api/conversions</c>: exactly one of account id or user id.</summary>
public sealed record LeadsConversionRequest(string? AccountId, string? UserId, decimal? Amount, DateTimeOffset? At);

/// <summary><c>PUT /api/crm-links/{subject}</c>: the subject's existing CRM records.</summary>
public sealed record LeadsCrmLinksRequest(
    string? HubSpotContactId,
    string? HubSpotCompanyId,
    string? HubSpotDealId,
    string? SalesforceWhoId,
    string? SalesforceWhatId,
    bool OpenOpportunity);
