using Microsoft.Extensions.Options;
using PqlGrains.Grains.Privacy;
using PqlGrains.Grains.Users;

namespace PqlGrains.Grains.Tests.Privacy;

public sealed class PrivacyOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(Validate(new PrivacyOptions()).Succeeded);
    }

    [Fact]
    public void A_retention_under_a_day_is_refused_naming_the_key_and_the_minimum()
    {
        var result = Validate(new PrivacyOptions { EventRetention = TimeSpan.FromHours(6) });

        Assert.True(result.Failed);
        Assert.Contains("Pql:Privacy:EventRetention", result.FailureMessage);
        Assert.Contains("1.00:00:00", result.FailureMessage);
    }

    [Fact]
    public void A_retention_too_close_to_the_checkpoint_interval_is_refused()
    {
        var users = new UserGrainOptions { CheckpointInterval = TimeSpan.FromHours(4) };

        var result = Validate(new PrivacyOptions { EventRetention = TimeSpan.FromDays(1) }, users);

        Assert.True(result.Failed);
        Assert.Contains("2.00:00:00", result.FailureMessage);
        Assert.Contains("CheckpointInterval", result.FailureMessage);
    }

    [Fact]
    public void Sweep_interval_and_batch_size_out_of_range_are_refused()
    {
        var result = Validate(new PrivacyOptions { RetentionSweepInterval = TimeSpan.FromSeconds(5), RetentionBatchSize = 0 });

        Assert.Contains("RetentionSweepInterval", result.FailureMessage);
        Assert.Contains("RetentionBatchSize", result.FailureMessage);
    }

    private static ValidateOptionsResult Validate(PrivacyOptions options, UserGrainOptions? users = null) =>
        new PrivacyOptionsValidator(Options.Create(users ?? new UserGrainOptions())).Validate(null, options);
}
