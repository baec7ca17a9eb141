using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PqlGrains.Integrations.Salesforce;

internal sealed partial class SalesforceOptionsValidator : IValidateOptions<SalesforceOptions>
{
    public ValidateOptionsResult Validate(string? name, SalesforceOptions options)
    {
        var errors = new List<string>();
        if (options.InstanceUrl is null || !options.InstanceUrl.IsAbsoluteUri)
        {
            errors.Add($"{SalesforceOptions.Section}:InstanceUrl is missing or not absolute; set it to your org's URL, e.g. https://acme.my.salesforce.com.");
        }

        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            errors.Add($"{SalesforceOptions.Section}:AccessToken is missing; set it to an OAuth access token of an integration user allowed to create Tasks, or remove the {SalesforceOptions.Section} section.");
        }

        if (!ApiVersionPattern().IsMatch(options.ApiVersion))
        {
            errors.Add($"{SalesforceOptions.Section}:ApiVersion '{options.ApiVersion}' is not a REST API version; write it like v60.0.");
        }

        if (string.IsNullOrWhiteSpace(options.OpenStatus) || string.IsNullOrWhiteSpace(options.CompletedStatus))
        {
            errors.Add($"{SalesforceOptions.Section}:OpenStatus and :CompletedStatus must be values of the Task Status picklist, e.g. 'Not Started' and 'Completed'.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{SalesforceOptions.Section}:Timeout must be positive, e.g. 00:00:10.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex(@"^v\d{2,3}\.\d$")]
    private static partial Regex ApiVersionPattern();
}
