using Microsoft.Extensions.Options;

namespace PqlGrains.Silo.Metrics;

/// <summary>Rejects a metrics path that cannot be served or would shadow another endpoint, naming the fix.</summary>
internal sealed class PqlMetricsOptionsValidator : IValidateOptions<PqlMetricsOptions>
{
    private static readonly string[] TakenPrefixes = ["/v1", "/api", "/admin", "/healthz", "/readyz"];

    public ValidateOptionsResult Validate(string? name, PqlMetricsOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var path = options.Path;
        var key = $"{PqlMetricsOptions.SectionName}:{nameof(PqlMetricsOptions.Path)}";
        if (string.IsNullOrWhiteSpace(path) || path[0] != '/' || path.Length == 1 || path.Any(character => char.IsWhiteSpace(character) || character is '?' or '#' or '{' or '}'))
        {
            return ValidateOptionsResult.Fail(
                $"{key} '{path}' is not a plain URL path: use one starting with '/' and without spaces, '?', '#' or braces, e.g. {PqlMetricsOptions.DefaultPath}.");
        }

        foreach (var prefix in TakenPrefixes)
        {
            if (path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase))
            {
                return ValidateOptionsResult.Fail(
                    $"{key} '{path}' falls under {prefix}, which the silo already serves: choose another path, e.g. {PqlMetricsOptions.DefaultPath}.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
