using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Integrations.Crm;
using PqlGrains.Integrations.Tests.Fakes;
using PqlGrains.Routing.Assignment;
using PqlGrains.Routing.Enrichment;
using PqlGrains.Routing.Loading;
using PqlGrains.Routing.Model;
using PqlGrains.Routing.Rules;

namespace PqlGrains.Integrations.Tests;

public sealed class DemoRoutingToHubSpotTests
{
    [Fact]
    public async Task Sales_ready_lead_under_the_demo_routing_becomes_one_hubspot_task_for_the_routed_rep_due_at_the_sla()
    {
        await using var hubSpot = await LocalApiServer.StartAsync(_ => ApiResponse.Json(201, """{"id":"7001"}"""));
        await using var services = Connectors.Build(("Pql:Crm:HubSpot:BaseUrl", hubSpot.BaseUrl.ToString()), ("Pql:Crm:HubSpot:AccessToken", "t"));
        var routing = RoutingFile.LoadDemo();
        var traits = new Dictionary<string, string?> { ["name"] = "Acme GmbH", ["employees"] = "120", ["address.country"] = "DE" };

        var enrichment = await services.GetRequiredService<LeadEnricher>().EnrichAsync("jane@acme.com", traits, routing.Segmentation, CancellationToken.None);
        var facts = LeadFacts.From("sales_ready", enrichment, LeadMotion.SalesAssist);
        var route = RoutingRules.Route(routing, facts);
        var pool = routing.FindPool(route.PoolId!)!;
        var assignment = PoolAssignment.Assign(AssignmentRequest.For(routing, pool, new Dictionary<string, int>(), Leads.Now, cursor: 0, lead: facts.Placement));
        var task = CrmTask.ForLead(Leads.Brief(), assignment.Rep!.CrmOwnerIds, Leads.Now.AddMinutes(15), TaskPriority.High, new CrmRecordIds(HubSpotContactId: "501"), Leads.Now);
        var result = await services.GetRequiredService<ICrmConnector>().CreateTaskAsync(task, CancellationToken.None);

        Assert.Equal(("enterprise-to-ae", "ae-avery"), (route.RuleId, assignment.Rep.Id));
        Assert.Equal("7001", result.ExternalId);
        var properties = JsonNode.Parse(Assert.Single(hubSpot.Requests).Body)!["properties"]!;
        Assert.Equal("90000011", properties["hubspot_owner_id"]!.GetValue<string>());
        Assert.Equal("2026-01-07T15:15:00.000Z", properties["hs_timestamp"]!.GetValue<string>());
    }
}
