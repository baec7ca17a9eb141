using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Grains.Scoring;

namespace PqlGrains.Grains.Tests.Infrastructure;

/// <summary>The ingest cluster whose scoring model counts user state packings.</summary>
public sealed class PackingCountingClusterFixture : IngestClusterFixture
{
    internal PackingCountingScoringModel Model { get; } = new(new DefinitionScoringModel(TestDefinition.Definition));

    protected override void ConfigureSilo(ISiloBuilder silo) => silo.Services.AddSingleton<IScoringModel>(Model);
}
