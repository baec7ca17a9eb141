namespace PqlGrains.Grains.Tests.Leads;

/// <summary>Routing files for tests: one pool per test, named after it, every lead assigned from it.</summary>
public static class TestRouting
{
    public const string ManagerHubSpotId = "70000001";

    /// <summary>A rep always on shift; <paramref name="extra"/> is appended to its YAML entry.</summary>
    public static string Rep(string id, string hubSpotOwner, int capacity = 8, string workingHours = "{ time_zone: UTC, always: true }", string extra = "", string? salesforceOwner = null) => $$"""
          - id: {{id}}
            name: {{id}} Name
            email: {{id}}@example.com
            crm_owner_ids: { hubspot: "{{hubSpotOwner}}"{{(salesforceOwner is null ? string.Empty : $", salesforce: \"{salesforceOwner}\"")}} }
            role: AE
            capacity: {{capacity}}
            working_hours: {{workingHours}}
            manager: mgr
        {{extra}}

        """;

    public static string SinglePool(string pool, params string[] reps)
    {
        var ids = reps.Select(rep => rep.Split('\n')[0].Replace("- id:", string.Empty).Trim());
        return $$"""
            version: {{pool}}
            managers:
              - id: mgr
                name: Morgan Manager
                email: mgr@example.com
                crm_owner_ids: { hubspot: "{{ManagerHubSpotId}}" }
            reps:
            {{string.Concat(reps)}}
            pools:
              - id: {{pool}}
                members: [{{string.Join(", ", ids)}}]
                overflow: { queue: {{pool}}-overflow, manager: mgr }
            rules:
              - id: self-serve
                match: { motions: [self_serve] }
                action: nurture
              - id: sales-led
                match: { motions: [sales_led] }
                action: log_on_record
              - id: everyone
                action: assign
                pool: {{pool}}
            """;
    }
}
