using Microsoft.Extensions.Configuration;
using Orleans.Storage;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Qualification;
using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Grains.Accounts;
using PqlGrains.Grains.Hosting;
using PqlGrains.Grains.Leads;
using PqlGrains.Grains.Scoring;
using PqlGrains.Grains.Users;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Testing.Fakes;
using PqlGrains.Testing.Orleans;

namespace PqlGrains.Grains.Tests.Leads;

/// <summary>
/// An in-memory cluster with leads wired to a fake HubSpot + Slack on Kestrel: sales_ready has the production SLA
/// (15 min), hot an hour, and the outbox retries fast. The hour is not the shipped 2 h, so the override is seen to
/// win; it is long so that no test here races a deadline on a slow machine (<see cref="SlaLeadClusterFixture"/>
/// has the short one).
/// </summary>
public class LeadClusterFixture : PqlTestClusterFixture, IAsyncLifetime
{
    /// <summary>The hot tier's SLA here, unless a derived fixture overrides it.</summary>
    protected virtual TimeSpan HotSla => TimeSpan.FromHours(1);

    public static readonly TimeSpan AccountSettleDelay = TimeSpan.FromHours(1);

    public FakeHubSpotServer Crm { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        Crm = await FakeHubSpotServer.StartAsync();
        await StartServersAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await StopServersAsync();
        await Crm.DisposeAsync();
    }

    /// <summary>Starts the fakes a derived fixture adds, before the silo reads their URLs.</summary>
    protected virtual Task StartServersAsync() => Task.CompletedTask;

    protected virtual ValueTask StopServersAsync() => ValueTask.CompletedTask;

    /// <summary>Settings a derived fixture adds or overrides.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Pql:Crm:HubSpot:BaseUrl"] = Crm.BaseUrl.ToString(),
            ["Pql:Crm:HubSpot:AccessToken"] = FakeHubSpotServer.AccessToken,
            ["Pql:Alerts:Slack:WebhookUrl"] = Crm.SlackWebhookUrl.ToString(),
            ["Pql:Leads:TierSla:hot"] = HotSla.ToString(),
            ["Pql:Leads:SlaCheckPeriod"] = "00:00:01",
            ["Pql:Leads:ApiBaseUrl"] = "http://pql.test/",
            ["Pql:Outbox:InitialBackoff"] = "00:00:00.100",
            ["Pql:Outbox:MaxBackoff"] = "00:00:01",
            ["Pql:Outbox:WakeUpPeriod"] = "00:00:01",
        };
        Configure(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        // The shipped definition gives sales_ready its 15 min; the hot override above proves configuration wins.
        silo.Services.AddSingleton<IScoringModel>(new DefinitionScoringModel(PqlDefinition.Default));
        silo.AddPqlLeads(configuration);

        // Users and accounts feed the leads here too. The account window is far longer than any test: a rising
        // account that reaches a lead proves it did not wait for the window.
        silo.AddPqlIngest();
        silo.Services.AddPqlInMemoryEventLog();
        silo.Services.Configure<UserGrainOptions>(options => options.SettleDelay = TimeSpan.FromMilliseconds(50));
        silo.Services.Configure<AccountGrainOptions>(options => options.SettleDelay = AccountSettleDelay);
    }

    public IServiceProvider SiloServices => Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress);

    public IEventIngestor Ingestor => SiloServices.GetRequiredService<IEventIngestor>();

    /// <summary>Stores a grain's state before it first activates: history the test cannot wait a day to record.</summary>
    public Task SeedStateAsync<T>(string grainType, string stateName, string key, T state) =>
        SiloServices.GetRequiredKeyedService<IGrainStorage>(PqlStorageNames.Grains).WriteStateAsync(stateName, GrainId.Create(grainType, key), new GrainState<T>(state));

    /// <summary>Replaces the cluster's routing; each test uses its own pool ids so round-robin state never leaks.</summary>
    public async Task UseRoutingAsync(string yaml)
    {
        var result = await GrainFactory.GetGrain<IRoutingGrain>(IRoutingGrain.Key).Replace(yaml, "test");
        Assert.True(result.Errors.Length == 0, string.Join(Environment.NewLine, result.Errors));
    }

    public static TierChanged UserReached(string userId, string accountId, string tier, double score, string definition = "def-1") =>
        new(SubjectKind.User, userId, null, tier, score, definition, DateTimeOffset.UtcNow, RouteImmediately: tier == "sales_ready", accountId);

    public Task QualifyAsync(TierChanged change) => GrainFactory.GetGrain<ILeadGrain>(LeadKeys.SubjectOf(change)).Qualify(change);

    /// <summary>Polls until the subject's open lead satisfies the condition.</summary>
    public async Task<Lead> WaitForLeadAsync(string subject, Func<Lead, bool> condition, string what)
    {
        var grain = GrainFactory.GetGrain<ILeadGrain>(subject);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        Lead? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var leads = await grain.Current();
            last = leads;
            if (leads is not null && condition(leads))
            {
                return leads;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Waited 30 s for {what} on {subject}; CRM violations: {string.Join("; ", Crm.Violations)}; last seen: status {last?.Status}, assignee {last?.AssigneeId}, activities:\n{string.Join("\n", last?.Activities.Select(a => $"{a.Kind}: {a.Detail}") ?? [])}\ndeliveries:\n{string.Join("\n", last?.Deliveries.Select(d => $"{d.ItemId} {d.Connector} {d.State} {d.Reason}") ?? [])}");
    }

    public async Task<T> EventuallyAsync<T>(Func<T> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var value = read();
            if (condition(value))
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Waited 30 s for {what}. The fake CRM saw {Crm.Requests.Count} requests, {Crm.FailedAnswers} scripted failures; violations: {string.Join("; ", Crm.Violations)}");
    }

    public static async Task RecordContactAsync(LeadClusterFixture cluster, Lead lead)
    {
        var result = await cluster.GrainFactory.GetGrain<ILeadGrain>(lead.Subject).RecordContact(lead.LeadId, new ContactReport("api", DateTimeOffset.UtcNow));
        Assert.True(result.Applied, result.Rejection);
    }

    /// <summary>HubSpot requests whose body links to this lead.</summary>
    public static bool About(RecordedRequest request, string leadId)
    {
        var link = "api/leads/" + Uri.EscapeDataString(leadId);
        var body = request.Property("hs_task_body") ?? request.Property("hs_note_body") ?? request.Body.ToJsonString();
        return body.Contains(link, StringComparison.Ordinal) || body.Contains(leadId, StringComparison.Ordinal);
    }
}

[CollectionDefinition(Name)]
public sealed class LeadClusterCollection : ICollectionFixture<LeadClusterFixture>
{
    public const string Name = "lead cluster";
}
