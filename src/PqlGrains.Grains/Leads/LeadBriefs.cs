using PqlGrains.Abstractions.Leads;
using PqlGrains.Integrations.Crm;
using PqlGrains.Routing.Brief;
using PqlGrains.Routing.Enrichment;

namespace PqlGrains.Grains.Leads;

/// <summary>Turns the stored lead context back into the brief the connectors render.</summary>
public static class LeadBriefs
{
    public static LeadBrief From(string leadId, LeadContext context, Uri apiBaseUrl)
    {
        var company = context.Company;
        var firmographics = company is null
            ? null
            : new Firmographics(company.Name, company.Employees, company.Industry, company.Country, company.Region, company.EstimatedArr, company.Source);
        return new LeadBrief(
            leadId,
            context.AccountId is null ? null : new BriefAccount(context.AccountId, context.AccountName, company?.Domain),
            new BriefContact(context.ContactUserId, context.ContactName, context.ContactEmail, null),
            context.Score,
            context.Tier,
            context.ScoreYesterday,
            [.. context.Signals.Select(signal => new SignalContribution(signal.Signal, signal.Category, signal.Points, signal.Description))],
            [.. context.Signals.GroupBy(signal => signal.Category).Select(group => new CategoryScore(group.Key, group.Sum(signal => signal.Points)))],
            context.TopSignals,
            context.ActiveUsers7Days,
            context.FeaturesUsed7Days,
            context.Plan is null ? null : new PlanUsage(context.Plan, []),
            firmographics,
            context.ThresholdCrossedAt,
            LeadUrl(apiBaseUrl, leadId),
            context.DefinitionVersion);
    }

    public static Uri LeadUrl(Uri apiBaseUrl, string leadId) =>
        new(apiBaseUrl, "api/leads/" + Uri.EscapeDataString(leadId));

    public static CrmRecordIds Records(CrmLinks links) =>
        new(links.HubSpotContactId, links.HubSpotCompanyId, links.HubSpotDealId, links.SalesforceWhoId, links.SalesforceWhatId);
}
