using Microsoft.Extensions.Options;

namespace PqlGrains.Grains.Definitions;

internal sealed class DefinitionOptionsValidator : IValidateOptions<DefinitionOptions>
{
    public ValidateOptionsResult Validate(string? name, DefinitionOptions options)
    {
        var section = DefinitionOptions.SectionName;
        var failures = new List<string>();
        if (options.DefinitionPath is { Length: > 0 } path && !File.Exists(path))
        {
            failures.Add($"{section}:DefinitionPath is '{path}', which does not exist; point it at a definition YAML file or remove it to start with the shipped default.");
        }

        if (options.RefreshPeriod <= TimeSpan.Zero)
        {
            failures.Add($"{section}:RefreshPeriod must be positive (default 00:00:05).");
        }

        if (options.MaxShadows < 1)
        {
            failures.Add($"{section}:MaxShadows is {options.MaxShadows}; set it to 1 or more (default 3).");
        }

        if (options.MaxAuditEntries < 1 || options.MaxLedgerEntries < 1)
        {
            failures.Add($"{section}:MaxAuditEntries and {section}:MaxLedgerEntries must be 1 or more (defaults 1000 and 10000).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
