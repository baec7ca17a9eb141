using Microsoft.Extensions.DependencyInjection;

namespace PqlGrains.Grains.Hosting;

public static class GrainInterfaceTypeCacheExtensions
{
    /// <summary>
    /// Resolves each grain interface's type once instead of on every <c>GetGrain</c> call (see
    /// <see cref="CachedGrainInterfaceTypes"/>). Inserted first, because Orleans asks its providers in registration order.
    /// </summary>
    public static IServiceCollection AddGrainInterfaceTypeCache(this IServiceCollection services)
    {
        if (!services.Any(descriptor => descriptor.ImplementationType == typeof(CachedGrainInterfaceTypes)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, CachedGrainInterfaceTypes>());
        }

        return services;
    }
}
