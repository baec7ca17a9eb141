using Microsoft.Extensions.Options;
using PqlGrains.Grains.Users;

namespace PqlGrains.Grains.Privacy;

internal sealed class PrivacyOptionsValidator(IOptions<UserGrainOptions> users) : IValidateOptions<PrivacyOptions>
{
    // Unsaved user state lives at most a checkpoint interval (or an idle deactivation) before it is saved;
    // retention must leave that many intervals of margin and more.
    private const int CheckpointIntervalsOfMargin = 12;

    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var failures = new List<string>();
        var checkpointInterval = users.Value.CheckpointInterval;
        var minimum = Max(PrivacyOptions.MinimumEventRetention, checkpointInterval * CheckpointIntervalsOfMargin);
        if (options.EventRetention < minimum)
        {
            failures.Add($"{PrivacyOptions.SectionName}:EventRetention is {options.EventRetention}; set it to {minimum} or more (default 90.00:00:00). "
                + $"It must be at least one day and at least {CheckpointIntervalsOfMargin} x {UserGrainOptions.SectionName}:CheckpointInterval ({checkpointInterval}) so no event expires before its user saved it.");
        }

        if (options.RetentionSweepInterval < TimeSpan.FromMinutes(1) || options.RetentionSweepInterval > options.EventRetention)
        {
            failures.Add($"{PrivacyOptions.SectionName}:RetentionSweepInterval is {options.RetentionSweepInterval}; set it between 00:01:00 and EventRetention (default 01:00:00).");
        }

        if (options.RetentionBatchSize is < 1 or > 100_000)
        {
            failures.Add($"{PrivacyOptions.SectionName}:RetentionBatchSize is {options.RetentionBatchSize}; set it between 1 and 100000 (default 5000).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
