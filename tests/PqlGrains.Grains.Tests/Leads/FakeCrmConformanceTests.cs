using PqlGrains.Testing.Fakes;

namespace PqlGrains.Grains.Tests.Leads;

/// <summary>The fake CRM must reject what HubSpot rejects, or the end-to-end tests prove nothing.</summary>
public sealed class FakeCrmConformanceTests
{
    [Fact]
    public async Task Task_with_associations_validates_against_the_official_spec()
    {
        const string body = """{"properties":{"hs_timestamp":"2026-01-01T00:00:00.000Z","hs_task_subject":"x"},"associations":[{"to":{"id":"company-77"},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":192}]}]}""";
        var validation = OpenApiSchemas.ValidateAsync("hubspot-crm-tasks-v3.openapi.json", "SimplePublicObjectInputForCreate", body);
        Assert.Same(validation, await Task.WhenAny(validation, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.Empty(await validation);
    }

    [Fact]
    public async Task Task_without_properties_is_rejected_by_the_official_spec()
    {
        var errors = await OpenApiSchemas.ValidateAsync("hubspot-crm-tasks-v3.openapi.json", "SimplePublicObjectInputForCreate", """{"associations":[]}""");
        Assert.NotEmpty(errors);
    }
}
