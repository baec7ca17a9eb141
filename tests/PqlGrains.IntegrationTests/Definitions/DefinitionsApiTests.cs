using System.Net;
using System.Text.Json;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;

namespace PqlGrains.IntegrationTests.Definitions;

public sealed class DefinitionsApiTests(DefinitionsApiHost host) : IClassFixture<DefinitionsApiHost>
{
    [Fact]
    public async Task An_invalid_definition_answers_400_with_file_line_column_diagnostics()
    {
        var response = await host.SendAsync(HttpMethod.Post, "/api/definitions?file=pql.yaml", "id: x\nversion: \"bad-1\"\nsignals:\n  - id: s\n    points: lots\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var diagnostics = body.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.NotEmpty(diagnostics);
        var points = diagnostics.Single(d => d.GetProperty("path").GetString() == "signals[0].points");
        Assert.Equal((5, 13), (points.GetProperty("line").GetInt32(), points.GetProperty("column").GetInt32()));
        Assert.StartsWith("pql.yaml:5:13: signals[0].points: ", points.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("pql.yaml:5:13", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activation_and_rollback_over_HTTP_rescore_a_tracked_user_and_the_audit_names_who_and_what_changed()
    {
        var userId = "def-api-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-20).ToUnixTimeSeconds());
        var tracked = await host.TrackAsync(JsonSerializer.Serialize(new
        {
            batch = new object[]
            {
                new { type = "track", userId, @event = "user.billing_page_viewed", messageId = $"{userId}-1", timestamp = at },
                new { type = "track", userId, @event = "team.member_invited", messageId = $"{userId}-2", timestamp = at.AddMinutes(1) },
            },
        }));
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        await host.DispatchedAsync();
        var defaultVersion = PqlDefinition.Default.Version;
        Assert.Equal(defaultVersion, (await UserAsync(userId)).GetProperty("definitionVersion").GetString());

        var cheaperYaml = PqlDefinition.DefaultYaml
            .Replace("version: \"1\"", "version: \"api-2\"", StringComparison.Ordinal)
            .Replace("points: 50", "points: 5", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(HttpMethod.Post, "/api/definitions", cheaperYaml, actor: "ana@revops")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await host.SendAsync(HttpMethod.Post, "/api/definitions", cheaperYaml.Replace("points: 5", "points: 6", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Post, "/api/definitions/api-2/activate", actor: "ben@revops")).StatusCode);

        var rescored = await UserAsync(userId);
        Assert.Equal("api-2", rescored.GetProperty("definitionVersion").GetString());
        Assert.Equal(ExpectedScore(cheaperYaml, userId, at, rescored.GetProperty("evaluatedAt").GetDateTimeOffset()), rescored.GetProperty("score").GetDouble());

        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Post, $"/api/definitions/{defaultVersion}/activate", actor: "ben@revops")).StatusCode);
        var restored = await UserAsync(userId);
        Assert.Equal(defaultVersion, restored.GetProperty("definitionVersion").GetString());
        Assert.Equal(ExpectedScore(PqlDefinition.DefaultYaml, userId, at, restored.GetProperty("evaluatedAt").GetDateTimeOffset()), restored.GetProperty("score").GetDouble());

        using var catalog = JsonDocument.Parse(await (await host.SendAsync(HttpMethod.Get, "/api/definitions")).Content.ReadAsStringAsync());
        Assert.Equal(defaultVersion, catalog.RootElement.GetProperty("activeVersion").GetString());
        using var audit = JsonDocument.Parse(await (await host.SendAsync(HttpMethod.Get, "/api/definitions/audit?limit=3")).Content.ReadAsStringAsync());
        var entries = audit.RootElement.EnumerateArray().ToList();
        Assert.Equal(
            [("activated", defaultVersion, "ben@revops"), ("activated", "api-2", "ben@revops"), ("submitted", "api-2", "ana@revops")],
            entries.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("version").GetString(), e.GetProperty("actor").GetString())));
        var diff = entries[1].GetProperty("diff").GetString()!.Split('\n');
        Assert.Contains("-    points: 50", diff);
        Assert.Contains("+    points: 5", diff);
        Assert.All(entries, e => Assert.True(e.GetProperty("at").GetDateTimeOffset() > at));
    }

    [Fact]
    public async Task Without_the_admin_token_the_definitions_API_answers_401_and_the_audit_fingerprints_an_anonymous_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Get, "/api/definitions", bearer: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Post, "/api/definitions/1/activate", bearer: "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Get, "/api/definitions/no-such/report")).StatusCode);

        var yaml = PqlDefinition.DefaultYaml.Replace("version: \"1\"", "version: \"fp-1\"", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(HttpMethod.Post, "/api/definitions", yaml)).StatusCode);
        using var audit = JsonDocument.Parse(await (await host.SendAsync(HttpMethod.Get, "/api/definitions/audit?limit=50")).Content.ReadAsStringAsync());
        var actor = audit.RootElement.EnumerateArray().First(e => e.GetProperty("version").GetString() == "fp-1").GetProperty("actor").GetString();
        Assert.Matches("^bearer:[0-9a-f]{12}$", actor);
    }

    [Fact]
    public async Task A_shadow_is_listed_reported_and_stopped_and_the_active_version_cannot_be_shadowed()
    {
        var yaml = PqlDefinition.DefaultYaml.Replace("version: \"1\"", "version: \"sh-1\"", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(HttpMethod.Post, "/api/definitions", yaml)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Get, "/api/definitions/sh-1/report")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Post, "/api/definitions/sh-1/shadow", actor: "cy@revops")).StatusCode);
        using (var catalog = JsonDocument.Parse(await (await host.SendAsync(HttpMethod.Get, "/api/definitions")).Content.ReadAsStringAsync()))
        {
            Assert.Equal(["sh-1"], catalog.RootElement.GetProperty("shadowVersions").EnumerateArray().Select(v => v.GetString()));
            Assert.True(catalog.RootElement.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetString() == "sh-1").GetProperty("shadow").GetBoolean());
        }

        var report = await host.SendAsync(HttpMethod.Get, "/api/definitions/sh-1/report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using (var body = JsonDocument.Parse(await report.Content.ReadAsStringAsync()))
        {
            Assert.Equal("sh-1", body.RootElement.GetProperty("shadowVersion").GetString());
            Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("stoppedAt").ValueKind);
        }

        var active = await host.SendAsync(HttpMethod.Get, "/api/definitions");
        var activeVersion = JsonDocument.Parse(await active.Content.ReadAsStringAsync()).RootElement.GetProperty("activeVersion").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await host.SendAsync(HttpMethod.Post, $"/api/definitions/{activeVersion}/shadow")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Delete, "/api/definitions/sh-1/shadow", actor: "cy@revops")).StatusCode);
        using var stopped = JsonDocument.Parse(await (await host.SendAsync(HttpMethod.Get, "/api/definitions/sh-1/report")).Content.ReadAsStringAsync());
        Assert.NotEqual(JsonValueKind.Null, stopped.RootElement.GetProperty("stoppedAt").ValueKind);
        var document = await host.SendAsync(HttpMethod.Get, "/api/definitions/sh-1");
        using var got = JsonDocument.Parse(await document.Content.ReadAsStringAsync());
        Assert.Equal(yaml, got.RootElement.GetProperty("yaml").GetString());
        Assert.False(got.RootElement.GetProperty("info").GetProperty("shadow").GetBoolean());
    }

    private async Task<JsonElement> UserAsync(string userId)
    {
        var response = await host.SendAsync(HttpMethod.Get, $"/api/users/{userId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static double ExpectedScore(string yaml, string userId, DateTimeOffset at, DateTimeOffset evaluatedAt)
    {
        var state = PqlDefinition.Load(yaml, "expected.yaml").GetDefinitionOrThrow().CreateUserState();
        state.Apply(new ScoringEvent($"{userId}-1", userId, EventType.Track, "user.billing_page_viewed", at, EventProperties.Empty));
        state.Apply(new ScoringEvent($"{userId}-2", userId, EventType.Track, "team.member_invited", at.AddMinutes(1), EventProperties.Empty));
        return state.Evaluate(evaluatedAt).Score;
    }
}
