using Microsoft.Extensions.Options;

namespace PqlGrains.Grains.Leads;

public sealed class LeadOptionsValidator : IValidateOptions<LeadOptions>
{
    public ValidateOptionsResult Validate(string? name, LeadOptions options)
    {
        var section = LeadOptions.SectionName;
        var failures = new List<string>();
        if (options.Tiers.Count == 0)
        {
            failures.Add($"{section}:TierOrder is empty; list the definition's tiers lowest first, e.g. warm,hot,sales_ready.");
        }

        failures.AddRange(options.TierSla.Where(pair => pair.Value <= TimeSpan.Zero)
            .Select(pair => $"{section}:TierSla:{pair.Key} must be a positive time span (e.g. 00:15:00); it is {pair.Value}."));
        if (options.DefaultSla <= TimeSpan.Zero)
        {
            failures.Add($"{section}:DefaultSla must be positive; it is {options.DefaultSla}.");
        }

        if (options.EscalateAfterMisses < 1)
        {
            failures.Add($"{section}:EscalateAfterMisses must be at least 1; it is {options.EscalateAfterMisses}.");
        }

        if (options.SlaCheckPeriod <= TimeSpan.Zero || options.OverflowRetry <= TimeSpan.Zero || options.ExpireAfter <= TimeSpan.Zero || options.PendingRetryDelay <= TimeSpan.Zero || options.TooEarlyCooldown < TimeSpan.Zero)
        {
            failures.Add($"{section}:SlaCheckPeriod, OverflowRetry, ExpireAfter and PendingRetryDelay must be positive and TooEarlyCooldown not negative.");
        }

        if (options.CooldownScoreMargin < 0)
        {
            failures.Add($"{section}:CooldownScoreMargin must not be negative; it is {options.CooldownScoreMargin}.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri)
        {
            failures.Add($"{section}:ApiBaseUrl must be an absolute URL such as https://pql.example.com/.");
        }

        if (options.HistoryLimit < 1 || options.ActivityLimit < 1)
        {
            failures.Add($"{section}:HistoryLimit and ActivityLimit must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
