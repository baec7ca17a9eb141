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
    public async Task The_registry_starts_with_the_configured_definition_file_audited_as_the_initial_definition()
    {
        var registry = cluster.GrainFactory.GetGrain<IDefinitionRegistryGrain>(IDefinitionRegistryGrain.Key);

        var document = await registry.Get("seed-1");
        var audit = await registry.Audit(0, 100);

        Assert.Equal(TwoSilos.SeedYaml, document!.Yaml);
        var first = audit[^1];
        Assert.Equal((DefinitionAction.Activated, "seed-1", "system (initial definition)"), (first.Action, first.Version, first.Actor));
        Assert.Contains("+version: \"seed-1\"", first.Diff.Split('\n'));
    }

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

    /// <summary>Two silos polling fast, started from a definition file (<c>Pql:Scoring:DefinitionPath</c>).</summary>
    public sealed class TwoSilos : PqlTestClusterFixture, IAsyncLifetime
    {
        public static readonly string SeedYaml = ClusterDefinitions.Yaml("seed-1", billing: 50, invite: 30, warm: 40, hot: 60, salesReady: 80);

        private readonly string _seedPath = Path.Combine(Path.GetTempPath(), $"pql-seed-{Guid.NewGuid():N}.yaml");

        protected override short InitialSilos => 2;

        public new async Task InitializeAsync()
        {
            await File.WriteAllTextAsync(_seedPath, SeedYaml);
            await base.InitializeAsync();
        }

        public new async Task DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(_seedPath);
        }

        protected override void ConfigureSilo(ISiloBuilder silo)
        {
            silo.AddPqlDefinitions();
            silo.Services.Configure<DefinitionOptions>(options =>
            {
                options.DefinitionPath = _seedPath;
                options.RefreshPeriod = TimeSpan.FromMilliseconds(200);
            });
        }
    }
}
