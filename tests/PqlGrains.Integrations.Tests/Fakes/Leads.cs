using PqlGrains.Integrations.Crm;
using PqlGrains.Routing.Brief;
using PqlGrains.Routing.Enrichment;
using PqlGrains.Routing.Model;

namespace PqlGrains.Integrations.Tests.Fakes;

/// <summary>The worked example as a lead brief: billing page visit plus invites, sales-ready.</summary>
internal static class Leads
{
    public static readonly DateTimeOffset Now = new(2026, 1, 7, 15, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SlaDeadline = Now.AddMinutes(15);
    public static readonly CrmOwnerIds Owner = new("90000011", "005000000000011AAA");

    public static LeadBrief Brief() => new(
        "acct-42",
        new BriefAccount("acct-42", "Acme GmbH", "acme.com"),
        new BriefContact("u-42", "Jane Doe", "jane@acme.com", null),
        95,
        "sales_ready",
        40,
        [
            new SignalContribution("user.billing_page_viewed", "adoption", 50, "visited the billing page"),
            new SignalContribution("team.member_invited", "viral", 30, "invited a teammate"),
        ],
        [new CategoryScore("adoption", 50), new CategoryScore("viral", 30)],
        ["visited the billing page", "invited a teammate"],
        3,
        ["exports"],
        new PlanUsage("Free", [new UsageAgainstLimit("seats", 3, 5)]),
        new Firmographics("Acme GmbH", 120, "Software", "DE", "EMEA", 60_000m, "group traits"),
        Now.AddMinutes(-2),
        new Uri("http://localhost:8080/api/leads/acct-42"),
        "def-v1");

    public static CrmTask Task(CrmRecordIds? records = null) =>
        CrmTask.ForLead(Brief(), Owner, SlaDeadline, TaskPriority.High, records ?? new CrmRecordIds(HubSpotContactId: "501", HubSpotCompanyId: "601", SalesforceWhoId: "003000000000001AAA", SalesforceWhatId: "001000000000001AAA"), Now);

    public static CrmNote Note(CrmRecordIds? records = null) =>
        CrmNote.ForLead(Brief(), "Re-qualified: score 95 (sales-ready)", Owner, records ?? new CrmRecordIds(HubSpotContactId: "501", HubSpotCompanyId: "601", SalesforceWhoId: "003000000000001AAA", SalesforceWhatId: "001000000000001AAA"), Now);
}
