using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Serialization;
using Orleans.Serialization.TypeSystem;
using PqlGrains.Abstractions.Leads;
using PqlGrains.Grains.Hosting;

namespace PqlGrains.Grains.Tests.Infrastructure;

public sealed class CachedGrainInterfaceTypesTests
{
    [Fact]
    public void The_cache_answers_first_and_gives_what_Orleans_resolves_without_it_named_by_attribute_or_by_convention()
    {
        var services = new ServiceCollection();
        services.AddSerializer();
        services.AddSingleton<IGrainInterfaceTypeProvider, AttributeGrainInterfaceTypeProvider>();
        services.AddGrainInterfaceTypeCache();
        services.AddGrainInterfaceTypeCache();
        services.AddSingleton<GrainInterfaceTypeResolver>();
        using var provider = services.BuildServiceProvider();

        var providers = provider.GetServices<IGrainInterfaceTypeProvider>().ToArray();
        Assert.IsType<CachedGrainInterfaceTypes>(providers[0]);
        Assert.Single(providers, candidate => candidate is CachedGrainInterfaceTypes);
        var cached = provider.GetRequiredService<GrainInterfaceTypeResolver>();
        var uncached = new GrainInterfaceTypeResolver(providers.Skip(1), provider.GetRequiredService<TypeConverter>());
        foreach (var type in new[] { typeof(ILeadGrain), typeof(IPoolGrain), typeof(ICustomNamedGrain) })
        {
            var expected = uncached.GetGrainInterfaceType(type);
            Assert.Equal(expected, cached.GetGrainInterfaceType(type));
            Assert.Equal(expected, cached.GetGrainInterfaceType(type));
        }

        Assert.Equal("pql-test-custom-name", cached.GetGrainInterfaceType(typeof(ICustomNamedGrain)).ToString());
    }

    [GrainInterfaceType("pql-test-custom-name")]
    public interface ICustomNamedGrain : IGrainWithStringKey
    {
        Task Ping();
    }
}
