using System.Text.Json;

namespace PqlGrains.Cli.Tests;

public sealed class ScoreCommandTests : IDisposable
{
    private const string WorkedExample = """
        {"type":"track","event":"user.billing_page_viewed","userId":"alice","messageId":"m1","timestamp":"2026-03-02T09:00:00Z","context":{"groupId":"acme"}}
        {"type":"track","event":"team.member_invited","userId":"alice","messageId":"m2","timestamp":"2026-03-02T10:00:00Z","context":{"groupId":"acme"}}
        {"type":"group","groupId":"acme","userId":"bob","messageId":"m3","timestamp":"2026-03-01T10:00:00Z","traits":{"name":"Acme"}}
        {"type":"track","event":"feature.activated","userId":"bob","messageId":"m4","timestamp":"2026-03-02T10:00:00Z","properties":{"feature":"sso"}}
        {"type":"track","event":"feature.activated","userId":"bob","messageId":"m4","timestamp":"2026-03-02T10:00:00Z","properties":{"feature":"sso"}}
        """;

    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Text_output_shows_each_users_and_accounts_score_tier_and_explanation()
    {
        var events = _cli.WriteFile("events.ndjson", WorkedExample);

        var (exitCode, output, error) = await _cli.RunAsync("score", "--events", events);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("user alice: 80 sales_ready (route ae, SLA 15m)", output);
        Assert.Contains("  - visited the billing page today", output);
        Assert.Contains("  - invited 1 teammate, last today", output);
        Assert.Contains("user bob: 15 (no tier)", output);
        Assert.Contains("account acme: 95 sales_ready", output);
    }

    [Fact]
    public async Task A_message_delivered_again_long_after_counts_once_as_the_gateway_counts_it()
    {
        const string invite = """{"type":"track","event":"team.member_invited","userId":"alice","messageId":"invite-1","timestamp":"2026-03-02T09:00:00Z"}""";
        var others = Enumerable.Range(0, 100).Select(i =>
            $$"""{"type":"track","event":"app.opened","userId":"alice","messageId":"s-{{i}}","timestamp":"2026-03-02T09:{{i % 60:00}}:00Z"}""");
        var events = _cli.WriteFile("events.ndjson", string.Join('\n', [invite, .. others, invite]));

        var (_, output, _) = await _cli.RunAsync("score", "--events", events, "--at", "2026-03-02T12:00:00Z");

        Assert.Contains("user alice: 30 ", output);
    }

    [Fact]
    public async Task Json_output_lists_users_then_accounts_with_breakdowns()
    {
        var events = _cli.WriteFile("events.ndjson", WorkedExample);

        var (exitCode, output, _) = await _cli.RunAsync("score", "--events", events, "--json");

        Assert.Equal(0, exitCode);
        var entities = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["user:alice", "user:bob", "account:acme"], entities.Select(e => $"{e.GetProperty("kind").GetString()}:{e.GetProperty("id").GetString()}"));
        var alice = entities[0];
        Assert.Equal(80, alice.GetProperty("score").GetDouble());
        Assert.Equal("sales_ready", alice.GetProperty("tier").GetString());
        var billing = alice.GetProperty("breakdown").EnumerateArray().First();
        Assert.Equal("billing_page", billing.GetProperty("signal").GetString());
        Assert.Equal(50, billing.GetProperty("points").GetDouble());
        Assert.Equal(JsonValueKind.Null, entities[1].GetProperty("tier").ValueKind);
    }

    [Fact]
    public async Task At_scores_at_that_time_leaving_later_events_out_and_decaying_earlier_ones()
    {
        var events = _cli.WriteFile("events.ndjson", WorkedExample);

        var (_, before, _) = await _cli.RunAsync("score", "--events", events, "--at", "2026-03-02T09:30:00Z");
        var (_, weekLater, _) = await _cli.RunAsync("score", "--events", events, "--at", "2026-03-09T10:00:00Z");

        Assert.Contains("user alice: 50 warm", before);
        Assert.Contains("user alice: 40 warm", weekLater);
    }

    [Fact]
    public async Task A_custom_definition_replaces_the_default()
    {
        var events = _cli.WriteFile("events.ndjson", WorkedExample);
        var definition = _cli.WriteFile("def.yaml", "id: invites\nversion: \"1\"\nsignals:\n  - { id: invites, category: viral, points: 70, on: team.member_invited }\n");

        var (_, output, _) = await _cli.RunAsync("score", "--definition", definition, "--events", events);

        Assert.Contains("user alice: 70 hot", output);
    }

    [Fact]
    public async Task An_invalid_definition_stops_with_its_errors()
    {
        var events = _cli.WriteFile("events.ndjson", WorkedExample);
        var definition = _cli.WriteFile("def.yaml", "id: x\nversion: \"1\"\nsignals:\n  - { id: a, category: nope, points: 1, on: e }\n");

        var (exitCode, _, error) = await _cli.RunAsync("score", "--definition", definition, "--events", events);

        Assert.Equal(1, exitCode);
        Assert.Contains(":4:24: signals[0].category: the value 'nope' is not a valid category", error);
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_their_number_and_the_rest_is_scored()
    {
        var events = _cli.WriteFile("events.ndjson", WorkedExample + "\n{\"type\":\"track\",\"userId\":\"carol\",\"messageId\":\"m9\",\"timestamp\":\"2026-03-02T10:00:00Z\"}\n");

        var (exitCode, output, error) = await _cli.RunAsync("score", "--events", events);

        Assert.Equal(2, exitCode);
        Assert.Contains("line 6: a track call needs 'event'", error);
        Assert.Contains("user alice: 80", output);
    }

    public void Dispose() => _cli.Dispose();
}
