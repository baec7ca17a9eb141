using Microsoft.Extensions.Options;
using PqlGrains.Grains.Leads;
using PqlGrains.Grains.Scoring;
using PqlGrains.Grains.Tests.Infrastructure;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Tests.Leads;

public sealed class TierSlasTests
{
    // The grain tests' definition with its SLAs changed, so a value here can only come from this definition.
    private static readonly DefinitionScoringModel Model = new(PqlDefinition.Load(
        TestDefinition.Yaml.Replace("sla: 2h", "sla: 3h", StringComparison.Ordinal).Replace("sla: 15m", "sla: 7m", StringComparison.Ordinal),
        "sla-tests.yaml").GetDefinitionOrThrow());

    [Fact]
    public void A_tier_takes_the_response_SLA_of_the_active_definition()
    {
        var slas = new TierSlas(Options.Create(new LeadOptions()), Model);

        Assert.Equal(TimeSpan.FromMinutes(7), slas.For("sales_ready"));
        Assert.Equal(TimeSpan.FromHours(3), slas.For("HOT"));
    }

    [Fact]
    public void A_configured_tier_SLA_overrides_the_definition()
    {
        var options = new LeadOptions { TierSla = new(StringComparer.OrdinalIgnoreCase) { ["sales_ready"] = TimeSpan.FromMinutes(5) } };
        var slas = new TierSlas(Options.Create(options), Model);

        Assert.Equal(TimeSpan.FromMinutes(5), slas.For("sales_ready"));
        Assert.Equal(TimeSpan.FromHours(3), slas.For("hot"));
    }

    [Fact]
    public void A_tier_without_an_SLA_or_unknown_to_the_definition_gets_the_default()
    {
        var slas = new TierSlas(Options.Create(new LeadOptions { DefaultSla = TimeSpan.FromHours(9) }), Model);

        Assert.Equal(TimeSpan.FromHours(9), slas.For("warm"));
        Assert.Equal(TimeSpan.FromHours(9), slas.For("legacy_tier"));
    }

    [Fact]
    public void The_shipped_definition_gives_sales_ready_15_minutes_and_hot_2_hours()
    {
        var slas = new TierSlas(Options.Create(new LeadOptions()), new DefinitionScoringModel(PqlDefinition.Default));

        Assert.Equal(TimeSpan.FromMinutes(15), slas.For("sales_ready"));
        Assert.Equal(TimeSpan.FromHours(2), slas.For("hot"));
        Assert.Equal(TimeSpan.FromHours(24), slas.For("warm"));
    }
}
