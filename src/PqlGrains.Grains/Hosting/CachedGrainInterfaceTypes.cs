using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Serialization.TypeSystem;

namespace PqlGrains.Grains.Hosting;

/// <summary>
/// Remembers the <see cref="GrainInterfaceType"/> of each grain interface. Orleans 10.4 works it out again on every
/// <c>GetGrain</c> call, reading the interface's attributes through reflection and formatting its name: 2.5% of the
/// silo's CPU while a surge of leads opened (every lead, outbox, pool, registry and brief read makes such calls).
/// Registered ahead of Orleans' own providers, it asks them (through a resolver of its own, without itself) once per
/// interface, so every answer is the one Orleans would give.
/// </summary>
internal sealed class CachedGrainInterfaceTypes(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();
    private GrainInterfaceTypeResolver? _resolver;

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        grainInterfaceType = _known.TryGetValue(type, out var known) ? known : _known.GetOrAdd(type, Resolve);
        return true;
    }

    private GrainInterfaceType Resolve(Type type)
    {
        // Built on first use: the other providers are registered by then, and resolving them here cannot recurse.
        _resolver ??= new GrainInterfaceTypeResolver(
            services.GetServices<IGrainInterfaceTypeProvider>().Where(provider => !ReferenceEquals(provider, this)),
            services.GetRequiredService<TypeConverter>());
        return _resolver.GetGrainInterfaceType(type);
    }
}
