namespace PqlGrains.Routing.Enrichment;

/// <summary>What is known about a company, from one or more sources.</summary>
/// <param name="Country">HQ country, ISO 3166-1 alpha-2 (upper case).</param>
/// <param name="Region">HQ region as the routing file names it (e.g. EMEA, NA).</param>
/// <param name="EstimatedArr">Estimated annual recurring revenue of the deal, in dollars.</param>
/// <param name="Source">Where the facts came from (group traits, a file, a provider), for the lead brief.</param>
public sealed record Firmographics(
    string? CompanyName,
    int? Employees,
    string? Industry,
    string? Country,
    string? Region,
    decimal? EstimatedArr,
    string Source)
{
    public bool IsEmpty => CompanyName is null && Employees is null && Industry is null && Country is null && Region is null && EstimatedArr is null;

    /// <summary>Keeps every fact this record has and fills the gaps from <paramref name="fallback"/>.</summary>
    public Firmographics FillFrom(Firmographics? fallback) => fallback is null
        ? this
        : new Firmographics(
            CompanyName ?? fallback.CompanyName,
            Employees ?? fallback.Employees,
            Industry ?? fallback.Industry,
            Country ?? fallback.Country,
            Region ?? fallback.Region,
            EstimatedArr ?? fallback.EstimatedArr,
            IsEmpty ? fallback.Source : fallback.IsEmpty ? Source : $"{Source} + {fallback.Source}");
}
