using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using PqlGrains.Grains.Leads;

namespace PqlGrains.Grains.Tests.Leads;

[Collection(LeadClusterCollection.Name)]
public sealed class LeadGrainLifetimeTests(LeadClusterFixture cluster)
{
    [Fact]
    public void Idle_lead_grains_are_collected_after_two_minutes_instead_of_Orleans_default_fifteen()
    {
        var type = cluster.SiloServices.GetRequiredService<GrainTypeResolver>().GetGrainType(typeof(LeadGrain));

        var properties = cluster.SiloServices.GetRequiredService<GrainPropertiesResolver>().GetGrainProperties(type).Properties;

        Assert.Equal(TimeSpan.FromMinutes(2), TimeSpan.Parse(properties[WellKnownGrainTypeProperties.IdleDeactivationPeriod], CultureInfo.InvariantCulture));
    }
}
