using Microsoft.Extensions.Options;

namespace PqlGrains.Integrations.HubSpot;

internal sealed class HubSpotOptionsValidator : IValidateOptions<HubSpotOptions>
{
    private static readonly string[] TaskTypes = ["TODO", "CALL", "EMAIL"];

    public ValidateOptionsResult Validate(string? name, HubSpotOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            errors.Add($"{HubSpotOptions.Section}:AccessToken is missing; set it to a HubSpot private app token (scope crm.objects.contacts.write) or remove the {HubSpotOptions.Section} section to turn HubSpot off.");
        }

        if (!options.BaseUrl.IsAbsoluteUri || (options.BaseUrl.Scheme != Uri.UriSchemeHttps && options.BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{HubSpotOptions.Section}:BaseUrl '{options.BaseUrl}' is not an absolute http(s) URL; use https://api.hubapi.com.");
        }

        if (!TaskTypes.Contains(options.TaskType))
        {
            errors.Add($"{HubSpotOptions.Section}:TaskType '{options.TaskType}' is not one of {string.Join(", ", TaskTypes)}.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{HubSpotOptions.Section}:Timeout must be positive, e.g. 00:00:10.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
