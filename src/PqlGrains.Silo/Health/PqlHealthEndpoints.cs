using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace PqlGrains.Silo.Health;

/// <summary>Liveness and readiness endpoints for orchestrators and load balancers.</summary>
public static class PqlHealthEndpoints
{
    /// <summary>Tag of the health checks that /readyz runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Maps <c>/healthz</c> (the process is up; runs no checks) and <c>/readyz</c> (the silo is
    /// active in the cluster and, in Postgres mode, the database answers). Both unauthenticated.
    /// </summary>
    public static IEndpointRouteBuilder MapPqlHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return endpoints;
    }
}
