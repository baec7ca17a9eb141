using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Grains.Definitions;
using PqlGrains.Grains.Scoring;

namespace PqlGrains.Grains.Hosting;

public static class PqlDefinitionsSiloBuilderExtensions
{
    /// <summary>
    /// Definitions in a running cluster: the registry grain, this silo's <see cref="ActiveDefinitions"/> (polling the
    /// registry every <c>Pql:Scoring:RefreshPeriod</c>), the <see cref="IScoringModel"/> that follows it (replacing
    /// the fixed default <c>AddPqlIngest</c> registers) and shadow ledgers. Options: <c>Pql:Scoring</c>. Needs grain
    /// storage "pql".
    /// </summary>
    public static ISiloBuilder AddPqlDefinitions(this ISiloBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DefinitionOptions>().BindConfiguration(DefinitionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DefinitionOptions>, DefinitionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActiveDefinitions>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ActiveDefinitionsRefresher>();
        services.RemoveAll<IScoringModel>();
        services.AddSingleton<IScoringModel, ActiveScoringModel>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITierChangeObserver, ShadowComparisonObserver>());
        return builder;
    }
}
