using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PqlGrains.Silo.Metrics;

namespace PqlGrains.IntegrationTests.Metrics;

public sealed class PqlMetricsOptionsTests
{
    private readonly PqlMetricsOptionsValidator validator = new();

    [Fact]
    public void The_defaults_serve_metrics_at_slash_metrics_without_a_token()
    {
        var options = new PqlMetricsOptions();

        Assert.True(validator.Validate(null, options).Succeeded);
        Assert.True(options.Enabled);
        Assert.Equal("/metrics", options.Path);
        Assert.False(options.RequireAdminToken);
    }

    [Theory]
    [InlineData("metrics")]
    [InlineData("/")]
    [InlineData("/metrics?format=text")]
    [InlineData("/my metrics")]
    public void A_path_that_is_not_a_plain_url_path_is_refused_naming_the_key(string path)
    {
        var result = validator.Validate(null, new PqlMetricsOptions { Path = path });

        Assert.True(result.Failed);
        Assert.Contains("Pql:Metrics:Path", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/metrics")]
    [InlineData("/api")]
    [InlineData("/readyz")]
    public void A_path_under_an_endpoint_the_silo_serves_is_refused(string path)
    {
        var result = validator.Validate(null, new PqlMetricsOptions { Path = path });

        Assert.True(result.Failed);
        Assert.Contains("already serves", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_path_fails_when_the_metrics_are_added_not_at_the_first_scrape()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pql:Metrics:Path"] = "metrics" }).Build();

        var failure = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddPqlMetrics(configuration));

        Assert.Contains("Pql:Metrics:Path", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_metrics_ignore_the_path()
    {
        Assert.True(validator.Validate(null, new PqlMetricsOptions { Enabled = false, Path = "metrics" }).Succeeded);
    }
}
