using System.Reflection;
using System.Text.Json;

namespace PqlGrains.Routing.Enrichment;

/// <summary>
/// Free and personal email providers (gmail.com, ...): an address there says nothing about the company.
/// The shipped list is the ISC-licensed email-providers package (see the README's credits).
/// </summary>
public sealed class PersonalEmailDomains
{
    private const string Resource = "PqlGrains.Routing.personal-email-domains.json";
    private static readonly Lazy<PersonalEmailDomains> Shipped = new(LoadShipped);
    private readonly HashSet<string> _domains;

    public PersonalEmailDomains(IEnumerable<string> domains)
    {
        _domains = new HashSet<string>(domains.Select(d => d.Trim().ToLowerInvariant()), StringComparer.Ordinal);
    }

    /// <summary>The list shipped with PqlGrains.</summary>
    public static PersonalEmailDomains Default => Shipped.Value;

    public int Count => _domains.Count;

    /// <summary>True for a listed domain or any subdomain of one (mail.yahoo.co.uk).</summary>
    public bool IsPersonal(string domain)
    {
        var candidate = domain.Trim().TrimEnd('.').ToLowerInvariant();
        while (true)
        {
            if (_domains.Contains(candidate))
            {
                return true;
            }

            var dot = candidate.IndexOf('.');
            if (dot < 0 || candidate.IndexOf('.', dot + 1) < 0)
            {
                return false;
            }

            candidate = candidate[(dot + 1)..];
        }
    }

    private static PersonalEmailDomains LoadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing from the build.");
        return new PersonalEmailDomains(JsonSerializer.Deserialize<string[]>(stream) ?? []);
    }
}
