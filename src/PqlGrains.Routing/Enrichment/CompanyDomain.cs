namespace PqlGrains.Routing.Enrichment;

/// <summary>Finds the company domain behind an email address.</summary>
public static class CompanyDomain
{
    /// <summary>The lower-case domain of an address, or null when it is not an address.</summary>
    public static string? OfEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var at = email.LastIndexOf('@');
        var domain = at < 0 ? null : email[(at + 1)..].Trim().TrimEnd('.').TrimEnd('>').ToLowerInvariant();
        return string.IsNullOrEmpty(domain) || !domain.Contains('.') ? null : domain;
    }

    /// <summary>The company domain, or null for personal/free providers and non-addresses.</summary>
    public static string? OfCompanyEmail(string? email, PersonalEmailDomains personalDomains) =>
        OfEmail(email) is { } domain && !personalDomains.IsPersonal(domain) ? domain : null;
}
