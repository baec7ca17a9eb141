namespace PqlGrains.Routing.Enrichment;

/// <summary>Looks up a company by its domain (lower case, e.g. acme.com). Null when the source knows nothing.</summary>
public interface IFirmographicsProvider
{
    ValueTask<Firmographics?> FindAsync(string domain, CancellationToken cancellationToken);
}
