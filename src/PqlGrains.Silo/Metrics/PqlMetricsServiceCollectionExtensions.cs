using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using PqlGrains.Grains.Hosting;
using PqlGrains.Silo.Api;

namespace PqlGrains.Silo.Metrics;

public static class PqlMetricsServiceCollectionExtensions
{
    /// <summary>The <c>service_name</c> of the scrape's <c>target_info</c>.</summary>
    public const string ServiceName = "pqlgrains-silo";

    /// <summary>The meters the endpoint exports: ours, Orleans', the .NET runtime's (GC, thread pool) and ASP.NET Core's.</summary>
    internal static readonly string[] ExportedMeters =
    [
        PqlMeter.Name,
        "Microsoft.Orleans",
        "System.Runtime",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
    ];

    /// <summary>
    /// Collects the exported meters for a Prometheus scrape, configured from <c>Pql:Metrics</c> of
    /// <paramref name="configuration"/> (validated at once). When <c>Pql:Metrics:Enabled</c> is false nothing listens
    /// to the meters, so the instruments cost nothing. Map the endpoint with <see cref="PqlMetricsEndpoints.MapPqlMetrics"/>.
    /// </summary>
    /// <exception cref="OptionsValidationException">The path cannot be served; the message names the key and the fix.</exception>
    public static IServiceCollection AddPqlMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(PqlMetricsOptions.SectionName);
        services.AddOptions<PqlMetricsOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PqlMetricsOptions>, PqlMetricsOptionsValidator>());
        services.AddOptions<PqlApiOptions>().BindConfiguration(PqlApiOptions.SectionName);

        // Whether to collect at all is decided now, so the settings are read and checked now.
        var options = section.Get<PqlMetricsOptions>() ?? new PqlMetricsOptions();
        var result = new PqlMetricsOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PqlMetricsOptions), result.Failures);
        }

        if (options.Enabled)
        {
            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(ServiceName))
                .WithMetrics(metrics => metrics
                    .AddMeter(ExportedMeters)
                    // Scrapes come every 15-60 s from one or two Prometheus servers: a cached answer would only make
                    // two scrapes in a row (a benchmark's before and after) disagree with the counters.
                    .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        }

        return services;
    }
}
