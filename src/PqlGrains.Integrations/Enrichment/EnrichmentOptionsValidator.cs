using Microsoft.Extensions.Options;

namespace PqlGrains.Integrations.Enrichment;

internal sealed class EnrichmentOptionsValidator : IValidateOptions<EnrichmentOptions>
{
    public ValidateOptionsResult Validate(string? name, EnrichmentOptions options)
    {
        var errors = new List<string>();
        if (options.FirmographicsFile is { Length: > 0 } file && !File.Exists(file))
        {
            errors.Add($"{EnrichmentOptions.Section}:FirmographicsFile '{Path.GetFullPath(file)}' does not exist; fix the path or remove the setting.");
        }

        if (options.CacheSize < 1)
        {
            errors.Add($"{EnrichmentOptions.Section}:CacheSize must be at least 1, e.g. 10000.");
        }

        if (options.CacheTimeToLive <= TimeSpan.Zero)
        {
            errors.Add($"{EnrichmentOptions.Section}:CacheTimeToLive must be positive, e.g. 1.00:00:00 for a day.");
        }

        if (options.Http.UrlTemplate is { Length: > 0 } template
            && (!template.Contains("{domain}", StringComparison.Ordinal) || !Uri.TryCreate(template.Replace("{domain}", "example.com", StringComparison.Ordinal), UriKind.Absolute, out _)))
        {
            errors.Add($"{EnrichmentOptions.Section}:Http:UrlTemplate '{template}' must be an absolute URL containing {{domain}}, e.g. https://enrich.example.com/v1/companies?domain={{domain}}.");
        }

        if (options.Http.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{EnrichmentOptions.Section}:Http:Timeout must be positive, e.g. 00:00:05.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
