using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace PqlGrains.Integrations;

internal static class ConnectorResilience
{
    /// <summary>
    /// Standard handler (timeouts, circuit breaker, retries) with retries disabled for POST/PATCH/PUT/DELETE:
    /// a retried POST after a lost response would create a second CRM task. Those retries belong to the outbox,
    /// which remembers the CRM id; only safe GETs (enrichment lookups) retry here.
    /// </summary>
    public static IHttpClientBuilder AddConnectorResilience(this IHttpClientBuilder builder, Func<IServiceProvider, TimeSpan> attemptTimeout)
    {
        builder.AddStandardResilienceHandler().Configure((options, services) =>
        {
            var timeout = attemptTimeout(services);
            options.Retry.DisableForUnsafeHttpMethods();
            options.AttemptTimeout.Timeout = timeout;
            options.TotalRequestTimeout.Timeout = timeout * 4;
            var sampling = timeout * 2;
            options.CircuitBreaker.SamplingDuration = sampling > TimeSpan.FromSeconds(30) ? sampling : TimeSpan.FromSeconds(30);
        });
        return builder;
    }
}
