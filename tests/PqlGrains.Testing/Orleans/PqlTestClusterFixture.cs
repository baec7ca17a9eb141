using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using PqlGrains.Abstractions;
using Xunit;

namespace PqlGrains.Testing.Orleans;

/// <summary>
/// An in-memory Orleans cluster for grain tests: the same storage provider name as the host
/// (<see cref="PqlStorageNames.Grains"/>), in-memory reminders, and a one-second minimum reminder
/// period so SLA and reminder logic can be exercised in seconds. Use as a class or collection
/// fixture; derive and override <see cref="ConfigureSilo"/> to add services.
/// </summary>
public class PqlTestClusterFixture : IAsyncLifetime
{
    /// <summary>Lowest reminder period grains may register in this cluster.</summary>
    public static readonly TimeSpan MinimumReminderPeriod = TimeSpan.FromSeconds(1);

    private InProcessTestCluster? cluster;

    public InProcessTestCluster Cluster =>
        cluster ?? throw new InvalidOperationException("The test cluster has not been started.");

    public IGrainFactory GrainFactory => Cluster.Client;

    /// <summary>Silos to start; override for multi-silo tests.</summary>
    protected virtual short InitialSilos => 1;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(InitialSilos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(PqlStorageNames.Grains);
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = MinimumReminderPeriod);
            ConfigureSilo(silo);
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    /// <summary>Adds to every silo's configuration (services, more storage providers).</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
