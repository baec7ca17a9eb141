using System.Globalization;
using System.Net;
using System.Text.Json;
using PqlGrains.Gateway.Tests;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;

namespace PqlGrains.IntegrationTests.Pipeline;

/// <summary>
/// Each request a real SDK sent (../shared/fixtures/sdk-requests.json), replayed byte for byte
/// against the gateway of a running embedded silo, ends up as the score the engine computes on
/// the same events at the same instant.
/// </summary>
public sealed class SdkRequestScoreTests
{
    private const string UserId = "user-42";

    // The shipped default plus one signal on the captured event and its typed properties: the
    // default scores "Report Exported" nothing, so only this makes a lost, mistyped or doubled
    // event visible in the score and the tier. The captured events carry the day they were
    // captured; a ten-year half-life keeps them scoring whenever the test runs.
    private static readonly PqlDefinition Definition = PqlDefinition.Load(
        PqlDefinition.DefaultYaml
            .Replace("version: \"1\"", "version: \"sdk-replay\"", StringComparison.Ordinal)
            .Replace("halfLifeDays: 7", "halfLifeDays: 3650", StringComparison.Ordinal)
            .Replace("\nsignals:\n", """

                signals:
                  - id: sdk_report_exported
                    category: depth
                    points: 45
                    on:
                      event: Report Exported
                      where:
                        plan: free
                        seats: { ">=": 3 }
                    explain: "exported a report from the SDK {ago}"

                """, StringComparison.Ordinal),
        "sdk-replay.yaml").GetDefinitionOrThrow();

    // After every captured event: the instant the gateway stamps receipt with and the grains score at.
    private static DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds());

    [Theory]
    [InlineData("segment-analytics-node", "WK_SEG")]
    [InlineData("analytics-node-legacy", "WK_OLD")]
    [InlineData("rudder-sdk-node", "WK_RUD")]
    public async Task Captured_sdk_request_replayed_against_the_gateway_is_scored_as_the_engine_scores_its_events(string client, string writeKey)
    {
        await using var host = await EmbeddedPipelineHost.StartAsync(Definition, writeKey);
        var now = Now;
        host.Clock.Set(now);
        var capture = SdkRequestFixtures.Capture(client);
        var events = CapturedEvents(capture.GetProperty("body"), now);

        var response = await host.Client.SendAsync(SdkRequestFixtures.Rebuild(capture));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(events.Count, (await ReadJsonAsync(response)).GetProperty("accepted").GetInt32());

        // The SDK retries a request it got no answer for: the same request again changes nothing.
        var retried = await host.Client.SendAsync(SdkRequestFixtures.Rebuild(capture));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await host.DispatchedAsync();

        var user = await ReadJsonAsync(await host.GetAsync($"/api/users/{UserId}"));
        Assert.Equal(now, user.GetProperty("evaluatedAt").GetDateTimeOffset());
        var expected = ExpectedScore.ForUser(Definition, events, now);
        Assert.True(expected.Score > 0, "the captured track event must score under the test definition, or this test proves nothing");
        expected.AssertAnswered(user, $"{client} replay");
        Assert.Equal("sdk-replay", user.GetProperty("definitionVersion").GetString());
        Assert.Equal(events.Count, user.GetProperty("eventsApplied").GetInt64());
        Assert.Equal(events.Max(e => e.Timestamp), user.GetProperty("lastEventAt").GetDateTimeOffset());
        if (events.FirstOrDefault(e => e.Type == EventType.Identify) is { } identify)
        {
            Assert.Equal(identify.Properties["email"].Text, user.GetProperty("traits").GetProperty("email").GetString());
        }
    }

    /// <summary>
    /// The captured batch's messages as the engine must see them, read by Segment's documented
    /// rules independently of the gateway: <c>timestamp</c>, else <c>originalTimestamp</c>
    /// corrected by <c>sentAt</c> (the message's, else the batch's) against receipt time.
    /// Properties (traits for identify) are the fixture's scalars.
    /// </summary>
    private static List<ScoringEvent> CapturedEvents(JsonElement body, DateTimeOffset receivedAt)
    {
        var events = new List<ScoringEvent>();
        foreach (var message in body.GetProperty("batch").EnumerateArray())
        {
            var type = Enum.Parse<EventType>(message.GetProperty("type").GetString()!, ignoreCase: true);
            var values = message.TryGetProperty(type == EventType.Identify ? "traits" : "properties", out var found)
                ? found.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.Number ? PropertyValue.From(p.Value.GetDouble()) : PropertyValue.From(p.Value.GetString()!))).ToArray()
                : [];
            events.Add(new ScoringEvent(
                message.GetProperty("messageId").GetString()!,
                message.GetProperty("userId").GetString()!,
                type,
                message.TryGetProperty("event", out var name) ? name.GetString()! : string.Empty,
                TimestampOf(message, body, receivedAt),
                new EventProperties(values)));
        }

        return events;
    }

    private static DateTimeOffset TimestampOf(JsonElement message, JsonElement body, DateTimeOffset receivedAt)
    {
        if (message.TryGetProperty("timestamp", out var timestamp))
        {
            return Parse(timestamp);
        }

        var sentAt = message.TryGetProperty("sentAt", out var own) ? own : body.GetProperty("sentAt");
        return receivedAt - (Parse(sentAt) - Parse(message.GetProperty("originalTimestamp")));
    }

    private static DateTimeOffset Parse(JsonElement value) =>
        DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
