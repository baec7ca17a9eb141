using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Abstractions.Definitions;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Abstractions.Users;
using PqlGrains.Grains.Hosting;
using PqlGrains.Grains.Leads;
using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Scoring.Events;
using PqlGrains.Testing.Fakes;
using PqlGrains.Testing.Orleans;

namespace PqlGrains.Grains.Tests.Definitions;

/// <summary>
/// One silo with the whole path a definition change touches: ingest with the in-memory log, user grains scoring
/// under the registry's active version, leads wired to a fake HubSpot + Slack, and the definition registry.
/// </summary>
public sealed class DefinitionClusterFixture : PqlTestClusterFixture, IAsyncLifetime
{
    public const int Partitions = 4;

    public FakeHubSpotServer Crm { get; private set; } = null!;

    public IDefinitionRegistryGrain Registry => GrainFactory.GetGrain<IDefinitionRegistryGrain>(IDefinitionRegistryGrain.Key);

    private IServiceProvider SiloServices => Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress);

    internal RecordingTierChangeObserver TierChanges => SiloServices.GetRequiredService<RecordingTierChangeObserver>();

    public new async Task InitializeAsync()
    {
        Crm = await FakeHubSpotServer.StartAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Crm.DisposeAsync();
    }

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pql:Crm:HubSpot:BaseUrl"] = Crm.BaseUrl.ToString(),
            ["Pql:Crm:HubSpot:AccessToken"] = FakeHubSpotServer.AccessToken,
            ["Pql:Alerts:Slack:WebhookUrl"] = Crm.SlackWebhookUrl.ToString(),
            ["Pql:Leads:ApiBaseUrl"] = "http://pql.test/",
            ["Pql:Outbox:InitialBackoff"] = "00:00:00.100",
            ["Pql:Outbox:WakeUpPeriod"] = "00:00:01",
        }).Build();
        silo.AddPqlIngest();
        silo.Services.AddPqlInMemoryEventLog();
        silo.AddPqlLeads(configuration);
        silo.AddPqlDefinitions();
        silo.Services.AddSingleton<RecordingTierChangeObserver>();
        silo.Services.AddSingleton<ITierChangeObserver>(provider => provider.GetRequiredService<RecordingTierChangeObserver>());
        silo.Services.Configure<Grains.Ingest.IngestOptions>(options => options.Partitions = Partitions);
        silo.Services.Configure<Grains.Users.UserGrainOptions>(options => options.SettleDelay = TimeSpan.FromMilliseconds(20));
        silo.Services.Configure<Grains.Accounts.AccountGrainOptions>(options => options.SettleDelay = TimeSpan.FromMilliseconds(20));
    }

    public Task IngestAsync(params IReadOnlyList<ScoringEvent> events) =>
        SiloServices.GetRequiredService<IEventIngestor>().IngestAsync(events, CancellationToken.None);

    public Task DispatchedAsync() => IngestDispatch.WaitAsync(GrainFactory, Partitions);

    public Task<UserView?> UserAsync(string userId) => GrainFactory.GetGrain<IUserGrain>(userId).GetView();

    /// <summary>Stores (or finds) a version and makes it active, whatever an earlier test left active.</summary>
    public async Task ActivateAsync(string yaml, string actor = "tests")
    {
        var submitted = await Registry.Submit(yaml, "test.yaml", actor);
        Assert.True(submitted.Outcome is DefinitionOutcome.Changed or DefinitionOutcome.Unchanged, submitted.Message);
        var activated = await Registry.Activate(submitted.Version!.Version, actor);
        Assert.True(activated.Outcome is DefinitionOutcome.Changed or DefinitionOutcome.Unchanged, activated.Message);
    }

    public async Task UseRoutingAsync(string yaml)
    {
        var result = await GrainFactory.GetGrain<IRoutingGrain>(IRoutingGrain.Key).Replace(yaml, "test");
        Assert.True(result.Errors.Length == 0, string.Join(Environment.NewLine, result.Errors));
    }
}

[CollectionDefinition(Name)]
public sealed class DefinitionClusterCollection : ICollectionFixture<DefinitionClusterFixture>
{
    public const string Name = "definition cluster";
}
