using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Abstractions.Definitions;
using PqlGrains.Grains.Definitions;
using PqlGrains.Grains.Hosting;
using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Testing.Orleans;

namespace PqlGrains.Grains.Tests.Definitions;

public sealed class DefinitionPropagationTests(DefinitionPropagationTests.TwoSilos cluster) : IClassFixture<DefinitionPropagationTests.TwoSilos>
{
    [Fact]
    public async Task Every_silo_follows_an_activation_and_a_shadow_within_the_refresh_period()
    {
        var registry = cluster.GrainFactory.GetGrain<IDefinitionRegistryGrain>(IDefinitionRegistryGrain.Key);
        await registry.Submit(ClusterDefinitions.Cheaper, "c2.yaml", "tests");
        await registry.Submit(ClusterDefinitions.LowBar, "low.yaml", "tests");

        await registry.Activate("c2", "tests");
        await registry.StartShadow("c3-low", "tests");

        var generation = (await registry.GetCatalog()).Generation;
        foreach (var silo in cluster.Cluster.Silos)
        {
            var definitions = cluster.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<ActiveDefinitions>();
            await Eventually.Get(() => Task.FromResult(definitions.Generation), applied => applied == generation, $"silo {silo.SiloAddress} to apply generation {generation}");
            Assert.Equal("c2", definitions.Active.DefinitionVersion);
            Assert.Equal(["c3-low"], definitions.Shadows.Select(shadow => shadow.DefinitionVersion));
        }
    }

    public sealed class TwoSilos : PqlTestClusterFixture
    {
        protected override short InitialSilos => 2;

        protected override void ConfigureSilo(ISiloBuilder silo)
        {
            silo.AddPqlDefinitions();
            silo.Services.Configure<DefinitionOptions>(options => options.RefreshPeriod = TimeSpan.FromMilliseconds(200));
        }
    }
}
