using Microsoft.Extensions.Options;

namespace PqlGrains.Integrations.Webhooks;

internal sealed class SignedWebhookOptionsValidator : IValidateOptions<SignedWebhookOptions>
{
    private const string Fix = "generate one with: echo \"whsec_$(openssl rand -base64 32)\"";

    public ValidateOptionsResult Validate(string? name, SignedWebhookOptions options)
    {
        var errors = new List<string>();
        if (options.Url is null || !options.Url.IsAbsoluteUri)
        {
            errors.Add($"{SignedWebhookOptions.Section}:Url is missing or not an absolute URL; set the https endpoint that receives lead events.");
        }

        if (string.IsNullOrWhiteSpace(options.Secret) || !options.Secret.StartsWith(StandardWebhookSignature.SecretPrefix, StringComparison.Ordinal))
        {
            errors.Add($"{SignedWebhookOptions.Section}:Secret must start with '{StandardWebhookSignature.SecretPrefix}' (Standard Webhooks); {Fix}.");
        }
        else
        {
            try
            {
                var length = StandardWebhookSignature.Key(options.Secret).Length;
                if (length is < 24 or > 64)
                {
                    errors.Add($"{SignedWebhookOptions.Section}:Secret decodes to {length} bytes; Standard Webhooks secrets are 24 to 64 bytes; {Fix}.");
                }
            }
            catch (FormatException)
            {
                errors.Add($"{SignedWebhookOptions.Section}:Secret is not base64 after '{StandardWebhookSignature.SecretPrefix}'; {Fix}.");
            }
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{SignedWebhookOptions.Section}:Timeout must be positive, e.g. 00:00:10.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
