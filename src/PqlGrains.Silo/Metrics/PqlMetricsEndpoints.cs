using Microsoft.Extensions.Options;
using PqlGrains.Silo.Api;

namespace PqlGrains.Silo.Metrics;

/// <summary>The Prometheus scraping endpoint.</summary>
public static class PqlMetricsEndpoints
{
    /// <summary>
    /// Maps <c>GET Pql:Metrics:Path</c> (default <c>/metrics</c>) in the Prometheus text format, behind the admin
    /// token when <c>Pql:Metrics:RequireAdminToken</c> is true. Maps nothing when <c>Pql:Metrics:Enabled</c> is false.
    /// Requires <see cref="PqlMetricsServiceCollectionExtensions.AddPqlMetrics"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapPqlMetrics(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<PqlMetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return endpoints;
        }

        Action<IApplicationBuilder>? requireToken = options.RequireAdminToken ? RequireAdminToken : null;
        endpoints.MapPrometheusScrapingEndpoint(options.Path, meterProvider: null, requireToken, optionsName: null).AllowAnonymous();
        return endpoints;
    }

    private static void RequireAdminToken(IApplicationBuilder scrape) =>
        scrape.Use(async (http, next) =>
        {
            var token = http.RequestServices.GetRequiredService<IOptions<PqlApiOptions>>().Value.AdminToken;
            if (AdminTokenCheck.Refusal(http.Request, token) is { } refusal)
            {
                await refusal.ExecuteAsync(http);
                return;
            }

            await next(http);
        });
}
