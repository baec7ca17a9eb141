using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PqlGrains.Gateway.Tests;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;

namespace PqlGrains.IntegrationTests.Pipeline;

/// <summary>
/// Bad input against the running pipeline: each refused request gets its documented status and
/// reason and reaches no score, and in a batch an invalid message is rejected alone while the
/// valid ones of the same batch are scored.
/// </summary>
public sealed class BadInputScoreTests(EmbeddedPipelineHost host) : IClassFixture<EmbeddedPipelineHost>
{
    private const string Invite = "team.member_invited";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds());
    private static readonly string Oversize = new('x', 33 * 1024);

    [Theory]
    [InlineData("no write key")]
    [InlineData("unknown write key")]
    [InlineData("unknown write key in the body")]
    [InlineData("invalid JSON")]
    [InlineData("not a batch")]
    [InlineData("event over 32 KB")]
    [InlineData("batch over 500 KB")]
    [InlineData("properties not an object")]
    [InlineData("event not a string")]
    [InlineData("userId not a string")]
    [InlineData("no userId nor anonymousId")]
    [InlineData("timestamp not ISO-8601")]
    [InlineData("timestamp a number")]
    [InlineData("sentAt not ISO-8601")]
    public async Task Refused_request_gets_its_documented_status_and_reason_and_reaches_no_score(string what)
    {
        var userId = NewUser(what);
        var before = GoodInvite(userId, "before", At);
        var after = GoodInvite(userId, "after", At.AddHours(1));
        await PostOkAsync(before);
        var (path, writeKey, body, status, reason) = Refusal(what, userId);

        var refused = await SendAsync(path, writeKey, body);
        await PostOkAsync(after);
        await host.DispatchedAsync();

        var answer = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == status, $"{what}: expected {(int)status}, got {(int)refused.StatusCode} {answer}");
        var error = JsonDocument.Parse(answer).RootElement;
        Assert.False(error.GetProperty("success").GetBoolean());
        Assert.Contains(reason, error.GetProperty("error").GetString(), StringComparison.Ordinal);
        await AssertScoredExactlyAsync(userId, [Event(before), Event(after)]);
    }

    [Fact]
    public async Task Unsupported_content_encoding_gets_415_and_reaches_no_score()
    {
        var userId = NewUser("encoding");
        var good = GoodInvite(userId, "good", At);
        await PostOkAsync(good);
        var request = Request("/v1/batch", EmbeddedPipelineHost.WriteKey, new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"batch":[{{Track(userId)}}]}""")));
        request.Content!.Headers.ContentEncoding.Add("compress");

        var refused = await host.Client.SendAsync(request);
        await host.DispatchedAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        await AssertScoredExactlyAsync(userId, [Event(good)]);
    }

    [Fact]
    public async Task Invalid_messages_of_a_gzip_batch_are_rejected_alone_and_its_valid_messages_are_scored()
    {
        var userId = NewUser("mixed");
        var other = NewUser("mixed-other");
        var valid = new[]
        {
            GoodInvite(userId, "ok-1", At),
            GoodInvite(userId, "ok-2", At.AddMinutes(5)),
            new GoodCall("track", other, $"{other}-ok-3", "user.billing_page_viewed", At.AddMinutes(7)),
            GoodInvite(userId, "ok-4", At.AddMinutes(9)),
        };
        var invalid = new[]
        {
            $$"""{"type":"track","messageId":"{{userId}}-no-user","event":"{{Invite}}","timestamp":"2026-11-20T09:01:00Z"}""",
            $$"""{"type":"track","messageId":"{{userId}}-bad-time","userId":"{{userId}}","event":"{{Invite}}","timestamp":"yesterday"}""",
            $$"""{"type":"track","messageId":"{{userId}}-bad-props","userId":"{{userId}}","event":"{{Invite}}","timestamp":"2026-11-20T09:02:00Z","properties":[1,2]}""",
            $$$"""{"type":"track","messageId":"{{{userId}}}-big","userId":"{{{userId}}}","event":"{{{Invite}}}","timestamp":"2026-11-20T09:03:00Z","properties":{"blob":"{{{Oversize}}}"}}""",
            $$"""{"type":"purchase","messageId":"{{userId}}-bad-type","userId":"{{userId}}","timestamp":"2026-11-20T09:04:00Z"}""",
            $$"""{"type":"track","messageId":"{{userId}}-bad-id","userId":{"id":"{{userId}}"},"event":"{{Invite}}","timestamp":"2026-11-20T09:05:00Z"}""",
            $$"""{"type":"track","messageId":"{{userId}}-bad-event","userId":"{{userId}}","event":7,"timestamp":"2026-11-20T09:06:00Z"}""",
            "\"not an object\"",
        };
        // Valid and invalid messages interleaved, so a rejection cannot take its neighbours with it.
        var items = new List<string>();
        for (var i = 0; i < invalid.Length; i++)
        {
            items.Add(invalid[i]);
            if (i < valid.Length)
            {
                items.Add(valid[i].Json);
            }
        }

        var json = $$"""{"batch":[{{string.Join(',', items)}}]}""";
        var content = new ByteArrayContent(SdkRequestFixtures.Gzip(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        var response = await host.Client.SendAsync(Request("/v1/batch", EmbeddedPipelineHost.WriteKey, content));
        await host.DispatchedAsync();

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(valid.Length, body.GetProperty("accepted").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()).Order().ToArray();
        Assert.Equal(invalid.Select(item => items.IndexOf(item)).Order(), rejected);
        await AssertScoredExactlyAsync(userId, [.. valid.Where(call => call.UserId == userId).Select(Event)]);
        await AssertScoredExactlyAsync(other, [.. valid.Where(call => call.UserId == other).Select(Event)]);
    }

    /// <summary>Each refused request of the tracking API's documentation, about <paramref name="userId"/> wherever it names a user.</summary>
    private static (string Path, string? WriteKey, string Body, HttpStatusCode Status, string Reason) Refusal(string what, string userId)
    {
        const string key = EmbeddedPipelineHost.WriteKey;
        var track = Track(userId);
        return what switch
        {
            "no write key" => ("/v1/track", null, track, HttpStatusCode.Unauthorized, "Pql:Gateway:WriteKeys"),
            "unknown write key" => ("/v1/track", "stolen-key", track, HttpStatusCode.Unauthorized, "unknown write key"),
            "unknown write key in the body" => ("/v1/batch", null, $$"""{"writeKey":"stolen-key","batch":[{{track}}]}""", HttpStatusCode.Unauthorized, "write key"),
            "invalid JSON" => ("/v1/batch", key, $$"""{"batch":[{{track}},""", HttpStatusCode.BadRequest, "not valid JSON"),
            "not a batch" => ("/v1/batch", key, track, HttpStatusCode.BadRequest, "'batch' array"),
            "event over 32 KB" => ("/v1/track", key, Track(userId, $$""","properties":{"blob":"{{Oversize}}"}"""), HttpStatusCode.RequestEntityTooLarge, "32 KB"),
            "batch over 500 KB" => ("/v1/batch", key, OversizeBatch(userId), HttpStatusCode.RequestEntityTooLarge, "500 KB"),
            "properties not an object" => ("/v1/track", key, Track(userId, ""","properties":[1,2]"""), HttpStatusCode.BadRequest, "'properties' must be a JSON object"),
            "event not a string" => ("/v1/track", key, $$"""{"userId":"{{userId}}","event":42,"timestamp":"2026-11-20T10:00:00Z"}""", HttpStatusCode.BadRequest, "'event'"),
            "userId not a string" => ("/v1/track", key, $$"""{"userId":{"id":"{{userId}}"},"event":"{{Invite}}","timestamp":"2026-11-20T10:00:00Z"}""", HttpStatusCode.BadRequest, "'userId' must be a string"),
            "no userId nor anonymousId" => ("/v1/track", key, $$$"""{"event":"{{{Invite}}}","timestamp":"2026-11-20T10:00:00Z","properties":{"for":"{{{userId}}}"}}""", HttpStatusCode.BadRequest, "anonymousId"),
            "timestamp not ISO-8601" => ("/v1/track", key, $$"""{"userId":"{{userId}}","event":"{{Invite}}","timestamp":"yesterday"}""", HttpStatusCode.BadRequest, "ISO-8601"),
            "timestamp a number" => ("/v1/track", key, $$"""{"userId":"{{userId}}","event":"{{Invite}}","timestamp":1795370347}""", HttpStatusCode.BadRequest, "ISO-8601"),
            "sentAt not ISO-8601" => ("/v1/track", key, $$"""{"userId":"{{userId}}","event":"{{Invite}}","originalTimestamp":"2026-11-20T10:00:00Z","sentAt":"soon"}""", HttpStatusCode.BadRequest, "sentAt"),
            _ => throw new ArgumentOutOfRangeException(nameof(what), what, "no such refusal case"),
        };
    }

    /// <summary>About 600 KB of messages each under the 32 KB event limit.</summary>
    private static string OversizeBatch(string userId)
    {
        var padding = new string('y', 20 * 1024);
        var messages = Enumerable.Range(0, 30).Select(i => Track(userId, $$""","messageId":"{{userId}}-big-{{i}}","properties":{"blob":"{{padding}}"}"""));
        return $$"""{"batch":[{{string.Join(',', messages)}}]}""";
    }

    private static string Track(string userId, string extra = "") =>
        $$"""{"type":"track","userId":"{{userId}}","event":"{{Invite}}","timestamp":"2026-11-20T10:00:00Z"{{extra}}}""";

    private static string NewUser(string label) =>
        $"bad-{new string([.. label.Where(char.IsAsciiLetterOrDigit)])}-{Guid.NewGuid().ToString("N")[..12]}";

    private static GoodCall GoodInvite(string userId, string label, DateTimeOffset at) => new("track", userId, $"{userId}-{label}", Invite, at);

    private static ScoringEvent Event(GoodCall call) =>
        new(call.MessageId, call.UserId, EventType.Track, call.Event, call.At, EventProperties.Empty);

    private async Task PostOkAsync(GoodCall call)
    {
        var response = await host.PostAsync("/v1/track", call.Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> SendAsync(string path, string? writeKey, string body) =>
        host.Client.SendAsync(Request(path, writeKey, new StringContent(body, Encoding.UTF8, "application/json")));

    private static HttpRequestMessage Request(string path, string? writeKey, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (writeKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        }

        return request;
    }

    /// <summary>The user's score is the engine's on exactly <paramref name="events"/>: nothing refused leaked in, nothing valid was lost.</summary>
    private async Task AssertScoredExactlyAsync(string userId, IReadOnlyList<ScoringEvent> events)
    {
        var response = await host.GetAsync($"/api/users/{userId}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{userId}: {(int)response.StatusCode} {text}");
        var user = JsonDocument.Parse(text).RootElement;
        Assert.Equal(events.Count, user.GetProperty("eventsApplied").GetInt64());
        ExpectedScore.ForUser(PqlDefinition.Default, events, user.GetProperty("evaluatedAt").GetDateTimeOffset()).AssertAnswered(user, userId);
    }

    /// <summary>A valid Segment call and what the engine must see of it.</summary>
    private sealed record GoodCall(string Type, string UserId, string MessageId, string Event, DateTimeOffset At)
    {
        public string Json => $$"""{"type":"{{Type}}","messageId":"{{MessageId}}","userId":"{{UserId}}","event":"{{Event}}","timestamp":"{{At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}"}""";
    }
}
