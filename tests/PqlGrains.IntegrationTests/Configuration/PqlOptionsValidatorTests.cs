using PqlGrains.Silo.Configuration;

namespace PqlGrains.IntegrationTests.Configuration;

public sealed class PqlOptionsValidatorTests
{
    private readonly PqlOptionsValidator validator = new();

    [Fact]
    public void The_defaults_run_in_memory_without_any_configuration()
    {
        var options = new PqlOptions();

        Assert.True(validator.Validate(null, options).Succeeded);
        Assert.Equal(PqlStorageMode.Memory, options.Storage);
        Assert.True(options.Gateway.Enabled);
    }

    [Fact]
    public void Postgres_mode_without_a_connection_string_is_refused_naming_the_setting_to_fill()
    {
        var result = validator.Validate(null, new PqlOptions { Storage = PqlStorageMode.Postgres });

        Assert.True(result.Failed);
        Assert.Contains("ConnectionStrings__Pql", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Unusable_cluster_settings_are_each_reported_with_their_key()
    {
        var options = new PqlOptions
        {
            Cluster = new PqlClusterOptions { SiloPort = 30000, GatewayPort = 30000, AdvertisedIP = "silo-1", NumMissedProbesLimit = 0 },
        };

        var result = validator.Validate(null, options);

        Assert.Contains("Pql:Cluster:GatewayPort", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Pql:Cluster:AdvertisedIP", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Pql:Cluster:NumMissedProbesLimit", result.FailureMessage, StringComparison.Ordinal);
    }
}
