using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using PqlGrains.Abstractions;
using PqlGrains.Testing.Orleans;

namespace PqlGrains.Grains.Tests.Leads;

/// <summary>
/// The lead cluster with grain storage a test can take down per state name (<see cref="Storage"/>), and a lead grain
/// that retries a failed tier change after <see cref="PendingRetryDelay"/> instead of five seconds.
/// </summary>
public sealed class StorageOutageLeadClusterFixture : LeadClusterFixture
{
    public static readonly TimeSpan PendingRetryDelay = TimeSpan.FromMilliseconds(200);

    private const string WorkingStorage = "grains-behind-outage";

    public OutageGrainStorage Storage => (OutageGrainStorage)SiloServices.GetRequiredKeyedService<IGrainStorage>(PqlStorageNames.Grains);

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Pql:Leads:PendingRetryDelay"] = PendingRetryDelay.ToString();

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        base.ConfigureSilo(silo);

        // Registered last, so it is the storage every grain gets under the shared name.
        silo.AddMemoryGrainStorage(WorkingStorage);
        silo.Services.AddGrainStorage(PqlStorageNames.Grains, (services, _) => new OutageGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(WorkingStorage)));
    }
}

[CollectionDefinition(Name)]
public sealed class StorageOutageLeadClusterCollection : ICollectionFixture<StorageOutageLeadClusterFixture>
{
    public const string Name = "storage outage lead cluster";
}
