using PqlGrains.Testing.Fakes;

namespace PqlGrains.Grains.Tests.Leads;

/// <summary>
/// The lead cluster with Salesforce configured beside HubSpot (each task goes to both CRMs) and a short
/// <c>Pql:Outbox:DeadLetterAfter</c>, so a CRM that keeps failing is given up on within a test.
/// </summary>
public sealed class SalesforceLeadClusterFixture : LeadClusterFixture
{
    public static readonly TimeSpan DeadLetterAfter = TimeSpan.FromSeconds(2);

    public FakeSalesforceServer Salesforce { get; private set; } = null!;

    protected override async Task StartServersAsync() => Salesforce = await FakeSalesforceServer.StartAsync();

    protected override ValueTask StopServersAsync() => Salesforce.DisposeAsync();

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Pql:Crm:Salesforce:InstanceUrl"] = Salesforce.InstanceUrl.ToString();
        settings["Pql:Crm:Salesforce:AccessToken"] = FakeSalesforceServer.AccessToken;
        settings["Pql:Crm:Salesforce:ApiVersion"] = FakeSalesforceServer.ApiVersion;
        settings["Pql:Outbox:DeadLetterAfter"] = DeadLetterAfter.ToString();
    }

    /// <summary>Salesforce requests whose Description links to this lead.</summary>
    public static bool AboutInSalesforce(RecordedRequest request, string leadId) =>
        FakeSalesforceServer.Field(request, "Description")?.Contains("api/leads/" + Uri.EscapeDataString(leadId), StringComparison.Ordinal) == true;
}

[CollectionDefinition(Name)]
public sealed class SalesforceLeadClusterCollection : ICollectionFixture<SalesforceLeadClusterFixture>
{
    public const string Name = "salesforce lead cluster";
}
