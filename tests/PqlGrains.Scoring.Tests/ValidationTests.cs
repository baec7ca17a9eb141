using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Tests;

public sealed class ValidationTests
{
    private const string Header = "id: t\nversion: \"1\"\n";

    private static DefinitionDiagnostic SingleError(string yaml)
    {
        var result = PqlDefinition.Load(yaml, "def.yaml");
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Invalid_yaml_reports_the_parser_position()
    {
        var error = SingleError(Header + "signals: [\n  - id: x\n");
        Assert.Equal("def.yaml", error.File);
        Assert.Contains("invalid YAML", error.Message);
        Assert.True(error.Line >= 3);
    }

    [Fact]
    public void Unknown_field_names_the_field_its_position_and_the_allowed_fields()
    {
        var error = SingleError(Header + "signals:\n  - id: x\n    category: depth\n    points: 5\n    on: e\n    pionts: 6\n");
        Assert.Equal((8, 5), (error.Line, error.Column));
        Assert.Equal("signals[0].pionts", error.Path);
        Assert.StartsWith("unknown field 'pionts'; allowed fields here: id, category, points", error.Message);
        Assert.Equal("def.yaml:8:5: signals[0].pionts: " + error.Message, error.ToString());
    }

    [Fact]
    public void Missing_required_field_says_what_to_add()
    {
        var error = SingleError(Header + "signals:\n  - id: x\n    category: depth\n    on: e\n");
        Assert.Equal("signals[0].points", error.Path);
        Assert.Equal("required field 'points' is missing; add the points the signal earns", error.Message);
    }

    [Fact]
    public void Wrong_type_names_what_was_expected_and_found()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: lots, on: e }\n");
        Assert.Equal("signals[0].points", error.Path);
        Assert.Equal("expected the points the signal earns (a number), found the value 'lots'", error.Message);
    }

    [Fact]
    public void Invalid_category_lists_the_allowed_categories()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: intent, points: 5, on: e }\n");
        Assert.Equal("the value 'intent' is not a valid category; allowed: depth, frequency, adoption, viral", error.Message);
    }

    [Fact]
    public void Out_of_range_number_gives_the_allowed_range()
    {
        var error = SingleError(Header + "halfLifeDays: 0\nsignals:\n  - { id: x, category: depth, points: 5, on: e }\n");
        Assert.Equal("halfLifeDays", error.Path);
        Assert.Equal("0 is out of range; allowed: 0.1 to 3650", error.Message);
    }

    [Fact]
    public void Duplicate_signal_ids_are_rejected()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5, on: e }\n  - { id: x, category: depth, points: 5, on: f }\n");
        Assert.Equal("signals[1].id", error.Path);
        Assert.Equal("signal id 'x' is already used by another signal; ids must be unique", error.Message);
    }

    [Fact]
    public void Unknown_time_zone_suggests_iana_ids()
    {
        var error = SingleError(Header + "timeZone: Mars/Olympus\nsignals: []\n");
        Assert.Equal("unknown time zone 'Mars/Olympus'; use an IANA id such as UTC, Europe/Paris or America/New_York", error.Message);
    }

    [Fact]
    public void Conflicting_award_modes_are_rejected()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5, on: e, once: true, oncePer: 1d }\n");
        Assert.StartsWith("'once' and 'oncePer' cannot be combined", error.Message);
    }

    [Fact]
    public void A_signal_needs_exactly_one_of_on_and_when()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5 }\n");
        Assert.Equal("a signal needs 'on' (events that earn points) or 'when' (a condition)", error.Message);
    }

    [Fact]
    public void Bad_duration_shows_the_expected_format()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5, on: e, oncePer: weekly }\n");
        Assert.Equal("expected the dedupe window as whole days such as 7d, found the value 'weekly'", error.Message);
    }

    [Fact]
    public void Unknown_operator_lists_the_operators()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5, on: { event: e, where: { ratio: { '=>': 0.8 } } } }\n");
        Assert.Equal("signals[0].on.where.ratio.=>", error.Path);
        Assert.Equal("unknown operator '=>'; allowed: ==, !=, >=, >, <=, <, in, exists", error.Message);
    }

    [Fact]
    public void Numeric_operator_with_a_string_operand_is_rejected()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5, on: { event: e, where: { ratio: { '>=': high } } } }\n");
        Assert.Equal("'>=' compares numbers; write a number such as 0.8, found the value 'high'", error.Message);
    }

    [Fact]
    public void Condition_with_two_kinds_is_rejected()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5, when: { seenWithin: 7d, count: { on: e } } }\n");
        Assert.StartsWith("a condition has exactly one of count, distinct, afterSignup, seenWithin, activeUsers, all, any, atLeast; found seenWithin, count", error.Message);
    }

    [Fact]
    public void Event_only_fields_on_a_condition_signal_are_rejected()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5, once: true, when: { seenWithin: 7d } }\n");
        Assert.Equal("signals[0].once", error.Path);
    }

    [Fact]
    public void Tiers_out_of_order_are_rejected()
    {
        var error = SingleError(Header + "signals: []\ntiers:\n  - { name: hot, minScore: 60, route: sdr }\n  - { name: warm, minScore: 40, route: nurture }\n");
        Assert.Equal("tiers[1].minScore", error.Path);
        Assert.Equal("tiers must be listed in ascending minScore; 40 is not above 'hot' (60)", error.Message);
    }

    [Fact]
    public void Bad_sla_shows_the_allowed_forms()
    {
        var error = SingleError(Header + "signals: []\ntiers:\n  - { name: hot, minScore: 60, route: sdr, sla: soon }\n");
        Assert.Equal("expected a response time such as 15m, 2h or 1d, or none; found the value 'soon'", error.Message);
    }

    [Fact]
    public void Unknown_template_placeholder_is_rejected()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5, on: e, explain: 'did it {when}' }\n");
        Assert.StartsWith("unknown placeholder {when}", error.Message);
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        var result = PqlDefinition.Load("id: t\nsignals:\n  - { id: x, category: nope, points: 5, on: e }\n", "def.yaml");
        Assert.Equal(["version", "signals[0].category"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void An_empty_in_list_is_a_warning_that_the_signal_can_never_fire()
    {
        var result = PqlDefinition.Load(Header + "signals:\n  - { id: x, category: depth, points: 5, on: { type: page, where: { path: { in: [] } } } }\n", "def.yaml");
        Assert.True(result.Succeeded);
        Assert.Contains(result.Warnings, w => w.Message == "signal 'x' can never fire: none of its event matchers can match");
    }

    [Fact]
    public void At_least_more_than_listed_is_a_warning_that_it_can_never_hold()
    {
        var result = PqlDefinition.Load(Header + "signals:\n  - { id: x, category: depth, points: 5, when: { atLeast: { count: 3, of: [ { seenWithin: 7d }, { seenWithin: 3d } ] } } }\n", "def.yaml");
        Assert.True(result.Succeeded);
        Assert.Contains(result.Warnings, w => w.Message.StartsWith("needs 3 conditions to hold but lists only 2", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Message == "signal 'x' can never fire: its condition can never hold");
    }

    [Fact]
    public void An_unreachable_tier_is_a_warning()
    {
        var result = PqlDefinition.Load(Header + "signals:\n  - { id: x, category: depth, points: 5, once: true, on: e }\ntiers:\n  - { name: hot, minScore: 60, route: sdr }\n", "def.yaml");
        Assert.True(result.Succeeded);
        Assert.StartsWith("tier 'hot' needs 60 but a user can score at most 5", Assert.Single(result.Warnings).Message);
    }

    [Fact]
    public void An_invalid_definition_throws_with_every_error_and_the_fix()
    {
        var error = Assert.Throws<InvalidDefinitionException>(() => PqlDefinition.Load("id: t\n", "def.yaml").GetDefinitionOrThrow());
        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("pql definition validate", error.Message);
    }
    [Fact]
    public void Duplicate_tier_names_are_rejected()
    {
        var error = SingleError(Header + "signals: []\ntiers:\n  - { name: hot, minScore: 40, route: sdr }\n  - { name: hot, minScore: 60, route: ae }\n");
        Assert.Equal("tier name 'hot' is already used; tier names must be unique", error.Message);
    }

    [Fact]
    public void A_field_written_twice_is_rejected_where_the_repeat_is()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5, on: e, id: y }\n");
        Assert.Equal("def.yaml:4:49: invalid YAML: Duplicate key id", error.ToString());
    }

    [Fact]
    public void Max_distinct_without_per_distinct_is_rejected()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5, on: e, maxDistinct: 3 }\n");
        Assert.Equal("'maxDistinct' only applies with 'perDistinct'", error.Message);
    }

    [Fact]
    public void A_cap_on_a_once_signal_is_rejected()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5, on: e, once: true, cap: 3 }\n");
        Assert.StartsWith("'cap' applies to signals that earn per occurrence or perDistinct", error.Message);
    }

    [Fact]
    public void An_empty_file_says_what_a_definition_needs()
    {
        var error = SingleError("");
        Assert.Equal("the file is empty; a definition needs at least id, version and signals", error.Message);
    }

    [Fact]
    public void A_track_matcher_without_an_event_name_is_rejected()
    {
        var error = SingleError(Header + "signals:\n  - { id: x, category: depth, points: 5, on: { where: { plan: pro } } }\n");
        Assert.Equal("signals[0].on.event", error.Path);
    }
}
