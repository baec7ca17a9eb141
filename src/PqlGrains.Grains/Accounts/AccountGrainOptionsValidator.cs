using Microsoft.Extensions.Options;

namespace PqlGrains.Grains.Accounts;

internal sealed class AccountGrainOptionsValidator : IValidateOptions<AccountGrainOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountGrainOptions options)
    {
        var failures = new List<string>();
        if (options.SettleDelay < TimeSpan.Zero)
        {
            failures.Add($"{AccountGrainOptions.SectionName}:SettleDelay must be zero or positive (default 00:00:02).");
        }

        if (options.ActiveWindow <= TimeSpan.Zero)
        {
            failures.Add($"{AccountGrainOptions.SectionName}:ActiveWindow must be positive (default 7.00:00:00).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
