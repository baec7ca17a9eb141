using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Enrichment;

/// <summary>
/// Enrichment before routing: company domain from the email, then firmographics from group traits first and
/// the configured providers (file, HTTP; wrap them in <see cref="CachedFirmographicsProvider"/>) for the gaps,
/// then the segment.
/// </summary>
public sealed class LeadEnricher
{
    private readonly IReadOnlyList<IFirmographicsProvider> _providers;
    private readonly PersonalEmailDomains _personalDomains;

    public LeadEnricher(IEnumerable<IFirmographicsProvider> providers, PersonalEmailDomains? personalDomains = null)
    {
        _providers = providers.ToList();
        _personalDomains = personalDomains ?? PersonalEmailDomains.Default;
    }

    public async ValueTask<LeadEnrichment> EnrichAsync(
        string? email,
        IReadOnlyDictionary<string, string?>? groupTraits,
        SegmentThresholds thresholds,
        CancellationToken cancellationToken)
    {
        var emailDomain = CompanyDomain.OfEmail(email);
        var personal = emailDomain is not null && _personalDomains.IsPersonal(emailDomain);
        var domain = (personal ? null : emailDomain) ?? WebsiteDomain(groupTraits);

        var firmographics = GroupTraitsFirmographics.From(groupTraits);
        if (domain is not null)
        {
            foreach (var provider in _providers)
            {
                if (firmographics is not null && IsComplete(firmographics))
                {
                    break;
                }

                Firmographics? found;
                try
                {
                    found = await provider.FindAsync(domain, cancellationToken).ConfigureAwait(false);
                }
                catch (FirmographicsUnavailableException)
                {
                    // Routing must not wait for an enrichment outage: route on what is known, the next lead retries.
                    continue;
                }

                firmographics = firmographics is null ? found : firmographics.FillFrom(found);
            }
        }

        return new LeadEnrichment(email, domain, personal, firmographics, SegmentClassifier.Classify(firmographics, thresholds));
    }

    private static bool IsComplete(Firmographics facts) =>
        facts.Employees is not null && facts.Industry is not null && facts.Country is not null && facts.Region is not null && facts.EstimatedArr is not null;

    // A group call may name the company's website even when the contact signed up with a personal address.
    private string? WebsiteDomain(IReadOnlyDictionary<string, string?>? traits)
    {
        var website = traits is null ? null : FirmographicsFacts.First(key => traits.TryGetValue(key, out var value) ? value : null, ["domain", "website"]);
        if (website is null)
        {
            return null;
        }

        var host = Uri.TryCreate(website.Contains("://", StringComparison.Ordinal) ? website : "https://" + website, UriKind.Absolute, out var uri)
            ? uri.Host.ToLowerInvariant()
            : null;
        if (host is null || !host.Contains('.'))
        {
            return null;
        }

        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        return _personalDomains.IsPersonal(host) ? null : host;
    }
}
