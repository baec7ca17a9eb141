namespace PqlGrains.Integrations.Enrichment;

/// <summary>Firmographics sources and their cache, bound from <c>Pql:Enrichment</c>.</summary>
public sealed class EnrichmentOptions
{
    public const string Section = "Pql:Enrichment";

    /// <summary>Optional CSV or JSON firmographics file (see the README's Routing section for columns).</summary>
    public string? FirmographicsFile { get; set; }

    /// <summary>Domains kept in the lookup cache; the least recently used leave first.</summary>
    public int CacheSize { get; set; } = 10_000;

    public TimeSpan CacheTimeToLive { get; set; } = TimeSpan.FromHours(24);

    public HttpFirmographicsOptions Http { get; set; } = new();
}
