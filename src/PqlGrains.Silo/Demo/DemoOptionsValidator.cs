using Microsoft.Extensions.Options;

namespace PqlGrains.Silo.Demo;

internal sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var failures = new List<string>();
        if (options.Users < 1)
        {
            failures.Add($"Pql:Demo:Users must be at least 1 (got {options.Users}).");
        }

        if (options.Accounts < 1)
        {
            failures.Add($"Pql:Demo:Accounts must be at least 1 (got {options.Accounts}).");
        }

        if (options.Days is < 1 or > 365)
        {
            failures.Add($"Pql:Demo:Days must be between 1 and 365 (got {options.Days}).");
        }

        if (!(options.Speed > 0) || double.IsInfinity(options.Speed))
        {
            failures.Add($"Pql:Demo:Speed must be a positive number of simulated seconds per wall second, e.g. 20000 (got {options.Speed}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
