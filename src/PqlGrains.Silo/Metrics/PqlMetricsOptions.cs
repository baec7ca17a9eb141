namespace PqlGrains.Silo.Metrics;

/// <summary>The Prometheus scraping endpoint (<c>Pql:Metrics</c>).</summary>
public sealed class PqlMetricsOptions
{
    public const string SectionName = "Pql:Metrics";

    public const string DefaultPath = "/metrics";

    /// <summary>Serve the endpoint and collect the metrics; false removes both (the path answers 404).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Prometheus scrapes.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// Require <c>Authorization: Bearer &lt;Pql:Api:AdminToken&gt;</c> on scrapes. Off by default: the figures hold
    /// counts and rates, no user data, and scrapers are usually simplest to point at an unauthenticated path that the
    /// network (or ingress) keeps private. Turn it on when the HTTP port is reachable from outside.
    /// </summary>
    public bool RequireAdminToken { get; set; }
}
