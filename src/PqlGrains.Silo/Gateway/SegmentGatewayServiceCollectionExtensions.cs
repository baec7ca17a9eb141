using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PqlGrains.Silo.Gateway;

public static class SegmentGatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Segment-compatible tracking API: options from <c>Pql:Gateway</c> of
    /// <paramref name="configuration"/> (validated at start) and the write-key check. The host
    /// must also register an <see cref="PqlGrains.Abstractions.Ingest.IEventIngestor"/>.
    /// </summary>
    public static IServiceCollection AddSegmentGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SegmentGatewayOptions>()
            .Bind(configuration.GetSection(SegmentGatewayOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SegmentGatewayOptions>, SegmentGatewayOptionsValidator>());
        services.TryAddSingleton<WriteKeyAuthenticator>();
        services.AddMetrics();
        services.TryAddSingleton<GatewayMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
