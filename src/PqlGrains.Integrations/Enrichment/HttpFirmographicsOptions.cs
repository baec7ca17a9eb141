namespace PqlGrains.Integrations.Enrichment;

/// <summary>An HTTP firmographics provider, bound from <c>Pql:Enrichment:Http</c>. On when <see cref="UrlTemplate"/> is set.</summary>
public sealed class HttpFirmographicsOptions
{
    /// <summary>GET URL with a <c>{domain}</c> placeholder, e.g. https://enrich.example.com/v1/companies?domain={domain}.
    /// The answer is a JSON object with name, employees, industry, country, region, estimated_arr; 404 means unknown.</summary>
    public string? UrlTemplate { get; set; }

    /// <summary>Sent as a bearer token when set.</summary>
    public string? ApiKey { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
