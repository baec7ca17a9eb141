using Microsoft.Extensions.Options;

namespace PqlGrains.Silo.Gateway;

/// <summary>Rejects write keys an SDK could never send as an HTTP Basic user name.</summary>
internal sealed class SegmentGatewayOptionsValidator : IValidateOptions<SegmentGatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, SegmentGatewayOptions options)
    {
        List<string>? failures = null;
        for (var i = 0; i < options.WriteKeys.Count; i++)
        {
            var key = options.WriteKeys[i];
            if (string.IsNullOrWhiteSpace(key) || key.Contains(':') || key.Any(char.IsWhiteSpace))
            {
                (failures ??= []).Add(
                    $"{SegmentGatewayOptions.SectionName}:WriteKeys:{i} is empty or contains ':' or whitespace; a write key is sent as the HTTP Basic user name, so use letters, digits, '-' or '_'.");
            }
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
