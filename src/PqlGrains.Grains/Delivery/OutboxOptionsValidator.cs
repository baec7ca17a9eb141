using Microsoft.Extensions.Options;

namespace PqlGrains.Grains.Delivery;

public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.InitialBackoff <= TimeSpan.Zero)
        {
            failures.Add($"{OutboxOptions.SectionName}:InitialBackoff must be positive (e.g. 00:00:02); it is {options.InitialBackoff}.");
        }

        if (options.MaxBackoff < options.InitialBackoff)
        {
            failures.Add($"{OutboxOptions.SectionName}:MaxBackoff ({options.MaxBackoff}) must be at least InitialBackoff ({options.InitialBackoff}).");
        }

        if (options.DeadLetterAfter <= TimeSpan.Zero)
        {
            failures.Add($"{OutboxOptions.SectionName}:DeadLetterAfter must be positive (e.g. 1.00:00:00); it is {options.DeadLetterAfter}.");
        }

        if (options.WakeUpPeriod <= TimeSpan.Zero)
        {
            failures.Add($"{OutboxOptions.SectionName}:WakeUpPeriod must be positive and at least Pql:Reminders:MinimumPeriod; it is {options.WakeUpPeriod}.");
        }

        if (options.RememberedItems < 1)
        {
            failures.Add($"{OutboxOptions.SectionName}:RememberedItems must be at least 1; it is {options.RememberedItems}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
