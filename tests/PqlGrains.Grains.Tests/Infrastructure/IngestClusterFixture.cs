using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using PqlGrains.Abstractions.Ingest;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Accounts;
using PqlGrains.Grains.Hosting;
using PqlGrains.Grains.Ingest;
using PqlGrains.Grains.Scoring;
using PqlGrains.Grains.Users;

namespace PqlGrains.Grains.Tests.Infrastructure;

/// <summary>One in-process silo with the ingest pipeline, the in-memory log and the test scoring model.</summary>
public class IngestClusterFixture : IAsyncLifetime
{
    public const int Partitions = 8;

    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    internal IServiceProvider SiloServices => Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress);

    public IEventIngestor Ingestor => SiloServices.GetRequiredService<IEventIngestor>();

    public InMemoryEventLog Log => SiloServices.GetRequiredService<InMemoryEventLog>();

    internal RecordingTierChangeObserver TierChanges => SiloServices.GetRequiredService<RecordingTierChangeObserver>();

    /// <summary>The user grains' settle window (Pql:Users:SettleDelay); short so tests do not wait on it.</summary>
    protected virtual TimeSpan UserSettleDelay => TimeSpan.FromMilliseconds(20);

    /// <summary>Runs last while the silo is configured, for fixtures that add services.</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("pql");
            silo.UseInMemoryReminderService();
            silo.AddPqlIngest();
            silo.Services.AddPqlInMemoryEventLog();
            silo.Services.AddSingleton<IScoringModel>(new DefinitionScoringModel(TestDefinition.Definition));
            silo.Services.AddSingleton<RecordingTierChangeObserver>();
            silo.Services.AddSingleton<ITierChangeObserver>(provider => provider.GetRequiredService<RecordingTierChangeObserver>());
            silo.Services.Configure<IngestOptions>(options => options.Partitions = Partitions);
            silo.Services.Configure<UserGrainOptions>(options =>
            {
                options.SettleDelay = UserSettleDelay;
                options.AccountConfirmDelay = TimeSpan.FromMilliseconds(100);
            });
            silo.Services.Configure<AccountGrainOptions>(options => options.SettleDelay = TimeSpan.FromMilliseconds(20));
            ConfigureSilo(silo);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
