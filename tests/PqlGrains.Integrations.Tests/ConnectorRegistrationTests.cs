using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PqlGrains.Integrations.Alerts;
using PqlGrains.Integrations.BuiltIn;
using PqlGrains.Integrations.Crm;
using PqlGrains.Integrations.HubSpot;
using PqlGrains.Integrations.Salesforce;
using PqlGrains.Integrations.Tests.Fakes;
using PqlGrains.Integrations.Webhooks;
using PqlGrains.Routing.Enrichment;

namespace PqlGrains.Integrations.Tests;

public sealed class ConnectorRegistrationTests
{
    [Fact]
    public async Task With_nothing_configured_tasks_and_alerts_go_to_the_built_in_sink()
    {
        await using var services = Connectors.Build();

        var crm = Assert.Single(services.GetServices<ICrmConnector>());
        var alerts = Assert.Single(services.GetServices<IAlertConnector>());
        Assert.Empty(services.GetServices<IWebhookConnector>());
        Assert.IsType<BuiltInSink>(crm);
        Assert.Same(crm, alerts);
        Assert.NotNull(services.GetRequiredService<LeadEnricher>());
    }

    [Fact]
    public async Task Built_in_sink_keeps_what_it_received_for_the_leads_api()
    {
        await using var services = Connectors.Build();
        var sink = services.GetRequiredService<BuiltInSink>();

        var task = await services.GetRequiredService<ICrmConnector>().CreateTaskAsync(Leads.Task(), CancellationToken.None);
        await services.GetRequiredService<IAlertConnector>().SendAsync(new LeadAlert(AlertKind.NewLead, Leads.Brief(), "Avery", Leads.SlaDeadline, null, null, Leads.Now), CancellationToken.None);

        Assert.True(task.IsDelivered);
        Assert.Equal("builtin-1", task.ExternalId);
        var entries = sink.ForLead("acct-42");
        Assert.Equal(["task", "alert"], entries.Select(e => e.Kind));
        Assert.Contains("owner hubspot=90000011", entries[0].Summary);
        Assert.Contains("-> Avery", entries[1].Summary);
    }

    [Fact]
    public async Task Both_crms_can_be_on_at_once_and_the_sink_is_not_a_crm_then()
    {
        await using var services = Connectors.Build(
            ("Pql:Crm:HubSpot:AccessToken", "t"),
            ("Pql:Crm:Salesforce:InstanceUrl", "https://acme.my.salesforce.com"),
            ("Pql:Crm:Salesforce:AccessToken", "t"));

        Assert.Equal(["hubspot", "salesforce"], services.GetServices<ICrmConnector>().Select(c => c.Name));
        Assert.IsType<BuiltInSink>(Assert.Single(services.GetServices<IAlertConnector>()));
    }

    [Fact]
    public async Task Hubspot_section_without_a_token_fails_with_the_key_to_set()
    {
        await using var services = Connectors.Build(("Pql:Crm:HubSpot:BaseUrl", "http://127.0.0.1:1/"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HubSpotOptions>>().Value);
        Assert.Contains("Pql:Crm:HubSpot:AccessToken is missing", error.Message);
    }

    [Fact]
    public async Task Salesforce_api_version_must_look_like_v60_0()
    {
        await using var services = Connectors.Build(
            ("Pql:Crm:Salesforce:InstanceUrl", "https://acme.my.salesforce.com"),
            ("Pql:Crm:Salesforce:AccessToken", "t"),
            ("Pql:Crm:Salesforce:ApiVersion", "60"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SalesforceOptions>>().Value);
        Assert.Contains("write it like v60.0", error.Message);
    }

    [Theory]
    [InlineData("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "must start with 'whsec_'")]
    [InlineData("whsec_not base64!", "is not base64")]
    [InlineData("whsec_c2hvcnQ=", "decodes to 5 bytes")]
    public async Task Webhook_secret_problems_are_explained_with_how_to_make_one(string secret, string expected)
    {
        await using var services = Connectors.Build(("Pql:Webhooks:Url", "https://example.com/hook"), ("Pql:Webhooks:Secret", secret));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SignedWebhookOptions>>().Value);
        Assert.Contains(expected, error.Message);
        Assert.Contains("openssl rand -base64 32", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task Built_in_sink_capacity_below_one_fails_with_the_key_to_fix(string capacity)
    {
        await using var services = Connectors.Build(("Pql:Sink:Capacity", capacity));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<BuiltInSink>());
        Assert.Contains("Pql:Sink:Capacity", error.Message);
    }
}
