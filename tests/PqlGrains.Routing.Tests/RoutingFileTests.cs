using PqlGrains.Routing.Loading;
using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Tests;

public sealed class RoutingFileTests
{
    private const string Valid = """
        version: test-1
        segmentation: { enterprise_min_employees: 200, enterprise_arr_above: 100000 }
        managers:
          - { id: mgr, name: Morgan, email: morgan@example.com }
        reps:
          - id: ae-1
            name: Ada
            email: ada@example.com
            crm_owner_ids: { hubspot: "111", salesforce: "005AAA" }
            role: AE
            territories: [DE, EMEA]
            segment: enterprise
            capacity: 8
            working_hours: { time_zone: Europe/Berlin, days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:30" }
            out_of_office: [{ from: 2026-12-24, to: 2026-12-26 }]
            manager: mgr
        pools:
          - { id: ae-pool, members: [ae-1], overflow: { queue: ae-overflow, manager: mgr } }
        rules:
          - id: self-serve
            match: { motions: [self-serve] }
            action: nurture
          - id: emea
            match: { tiers: [sales_ready], segments: [enterprise], countries: [de], regions: [EMEA] }
            action: assign
            pool: ae-pool
        """;

    [Fact]
    public void Valid_yaml_loads_every_field()
    {
        var configuration = RoutingFile.Parse(Valid, "test");

        var rep = Assert.Single(configuration.Reps);
        Assert.Equal("test-1", configuration.Version);
        Assert.Equal(new SegmentThresholds(200, 100_000m), configuration.Segmentation);
        Assert.Equal(new CrmOwnerIds("111", "005AAA"), rep.CrmOwnerIds);
        Assert.Equal(RepRole.AE, rep.Role);
        Assert.Equal(Segment.Enterprise, rep.Segment);
        Assert.Equal(["DE", "EMEA"], rep.Territories);
        Assert.Equal("Europe/Berlin", rep.WorkingHours.TimeZone.Id);
        Assert.Equal(new TimeOnly(17, 30), rep.WorkingHours.End);
        Assert.Equal(5, rep.WorkingHours.Days.Count);
        Assert.Equal(new DateRange(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 26)), rep.OutOfOffice.Single());
        Assert.Equal("mgr", rep.ManagerId);
        Assert.Equal(new PoolOverflow("ae-overflow", "mgr"), configuration.Pools.Single().Overflow);
        Assert.Equal([LeadMotion.SelfServe], configuration.Rules[0].Match.Motions);
        Assert.Equal(["DE"], configuration.Rules[1].Match.Countries);
        Assert.Equal(RuleActionKind.AssignFromPool, configuration.Rules[1].Action);
    }

    [Fact]
    public void Json_routing_file_is_accepted()
    {
        const string json = """
            { "managers": [{ "id": "mgr", "name": "M", "email": "m@example.com" }],
              "reps": [{ "id": "r", "name": "R", "email": "r@example.com", "role": "SDR", "capacity": 5,
                         "working_hours": { "time_zone": "UTC", "always": true } }],
              "pools": [{ "id": "p", "members": ["r"], "overflow": { "queue": "q", "manager": "mgr" } }],
              "rules": [{ "id": "all", "action": "assign", "pool": "p" }] }
            """;

        var configuration = RoutingFile.Parse(json, "routing.json");

        Assert.Equal(5, configuration.Reps.Single().Capacity);
        Assert.True(configuration.Reps.Single().WorkingHours.AlwaysOn);
        Assert.Equal(SegmentThresholds.Default, configuration.Segmentation);
    }

    [Fact]
    public void Demo_routing_has_always_on_reps_with_both_crm_owner_ids()
    {
        var demo = RoutingFile.LoadDemo();

        Assert.NotEmpty(demo.Reps);
        Assert.All(demo.Reps, rep =>
        {
            Assert.True(rep.WorkingHours.AlwaysOn);
            Assert.NotNull(rep.CrmOwnerIds.HubSpot);
            Assert.NotNull(rep.CrmOwnerIds.Salesforce);
        });
    }

    [Fact]
    public void Every_problem_is_reported_with_its_field_path_and_fix()
    {
        var broken = Valid
            .Replace("capacity: 8", "capacity: eight")
            .Replace("Europe/Berlin", "Europe/Atlantis")
            .Replace("role: AE", "role: VP")
            .Replace("pool: ae-pool", "pool: missing-pool")
            .Replace("start: \"09:00\"", "start: \"9am\"");

        var result = RoutingFile.TryParse(broken);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == "reps[0].capacity" && e.Message.Contains("'eight' is not a whole number") && e.Message.Contains("e.g. 8"));
        Assert.Contains(result.Errors, e => e.Path == "reps[0].working_hours.time_zone" && e.Message.Contains("Europe/Atlantis") && e.Message.Contains("IANA"));
        Assert.Contains(result.Errors, e => e.Path == "reps[0].role" && e.Message.Contains("use one of: ae, sdr, csm"));
        Assert.Contains(result.Errors, e => e.Path == "rules[1].pool" && e.Message.Contains("'missing-pool' is not a pool id") && e.Message.Contains("ae-pool"));
        Assert.Contains(result.Errors, e => e.Path == "reps[0].working_hours.start" && e.Message.Contains("\"09:00\""));
    }

    [Fact]
    public void Parse_throws_with_all_problems_in_the_message()
    {
        var exception = Assert.Throws<RoutingFileException>(() => RoutingFile.Parse(Valid.Replace("capacity: 8", "capacity: -1").Replace("manager: mgr\n", "manager: nobody\n"), "routing.yaml"));

        Assert.Contains("routing.yaml", exception.Message);
        Assert.Contains("reps[0].capacity", exception.Message);
        Assert.Contains("reps[0].manager: 'nobody' is not a manager id; known managers: mgr", exception.Message);
    }

    [Fact]
    public void Unknown_field_is_reported_with_line_and_column()
    {
        var result = RoutingFile.TryParse(Valid.Replace("    capacity: 8", "    capacty: 8"));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("line 13,", error.Path);
        Assert.Contains("capacty", error.Message);
        Assert.Contains("snake_case", error.Message);
    }

    [Fact]
    public void Pool_member_that_is_not_a_rep_is_named()
    {
        var result = RoutingFile.TryParse(Valid.Replace("members: [ae-1]", "members: [ae-1, ae-9]"));

        Assert.Equal("pools[0].members[1]", result.Errors.Single().Path);
        Assert.Contains("'ae-9' is not a rep id", result.Errors.Single().Message);
    }

    [Fact]
    public void Rep_listed_twice_in_a_pool_and_duplicate_ids_are_rejected()
    {
        var result = RoutingFile.TryParse(Valid.Replace("members: [ae-1]", "members: [ae-1, ae-1]").Replace("id: emea", "id: self-serve"));

        Assert.Contains(result.Errors, e => e.Path == "pools[0].members" && e.Message.Contains("list each rep once"));
        Assert.Contains(result.Errors, e => e.Path == "rules" && e.Message.Contains("'self-serve' is used 2 times"));
    }

    [Fact]
    public void Assign_rule_for_self_serve_motion_is_rejected_because_self_serve_has_no_rep()
    {
        var result = RoutingFile.TryParse(Valid.Replace("match: { tiers: [sales_ready]", "match: { motions: [self_serve], tiers: [sales_ready]"));

        Assert.Contains(result.Errors, e => e.Path == "rules[1].match.motions" && e.Message.Contains("action: nurture"));
    }

    [Fact]
    public void Missing_file_says_which_path_and_setting_to_fix()
    {
        var exception = Assert.Throws<RoutingFileException>(() => RoutingFile.Load("/nonexistent/routing.yaml"));

        Assert.Contains("Pql:Routing:Path", exception.Message);
    }

    [Fact]
    public void Empty_file_is_rejected_with_a_starting_point()
    {
        Assert.Contains("demo routing file", RoutingFile.TryParse("").Errors.Single().Message);
    }
}
