using Microsoft.Extensions.Options;

namespace PqlGrains.Grains.Users;

internal sealed class UserGrainOptionsValidator : IValidateOptions<UserGrainOptions>
{
    public ValidateOptionsResult Validate(string? name, UserGrainOptions options)
    {
        var failures = new List<string>();
        if (options.CheckpointEveryEvents < 1)
        {
            failures.Add($"{UserGrainOptions.SectionName}:CheckpointEveryEvents is {options.CheckpointEveryEvents}; set it to 1 or more (default 1000).");
        }

        if (options.CheckpointInterval <= TimeSpan.Zero)
        {
            failures.Add($"{UserGrainOptions.SectionName}:CheckpointInterval must be positive (default 00:05:00).");
        }

        if (options.SettleDelay < TimeSpan.Zero)
        {
            failures.Add($"{UserGrainOptions.SectionName}:SettleDelay must be zero or positive (default 00:00:01).");
        }

        if (options.AccountConfirmDelay <= TimeSpan.Zero)
        {
            failures.Add($"{UserGrainOptions.SectionName}:AccountConfirmDelay must be positive (default 00:00:05).");
        }

        if (options.MaxAccountOutbox < 1)
        {
            failures.Add($"{UserGrainOptions.SectionName}:MaxAccountOutbox is {options.MaxAccountOutbox}; set it to 1 or more (default 1000).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
