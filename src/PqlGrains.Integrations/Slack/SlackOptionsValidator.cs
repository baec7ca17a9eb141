using Microsoft.Extensions.Options;

namespace PqlGrains.Integrations.Slack;

internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (options.WebhookUrl is null || !options.WebhookUrl.IsAbsoluteUri)
        {
            return ValidateOptionsResult.Fail($"{SlackOptions.Section}:WebhookUrl is missing or not an absolute URL; create an incoming webhook in your Slack app and paste its https://hooks.slack.com/services/... URL.");
        }

        return options.Timeout <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail($"{SlackOptions.Section}:Timeout must be positive, e.g. 00:00:10.")
            : ValidateOptionsResult.Success;
    }
}
