using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PqlGrains.IntegrationTests.Cluster;
using PqlGrains.IntegrationTests.Hosting;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;
using PqlGrains.Testing.Hosting;
using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests.Pipeline;

/// <summary>
/// PostgreSQL mode with real silo processes: batches acknowledged by a silo's gateway, then the
/// silo process is SIGKILLed (nothing deactivates, checkpoints or saves a watermark). Every
/// acknowledged event, including those acknowledged just before the kill, must be reflected in
/// the scores exactly once, even when the client resends them afterwards.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloProcessCrashTests(PostgresServer server)
{
    private const string WriteKey = "crash-write-key";
    private const int Partitions = 8;
    private const int Users = 12;

    // More events per user than the engine's messageId memory (64): a repeat past it can only be
    // stopped by the partition sequences and the log's dedupe, so a double count would show.
    private const int EventsPerRound = 36;

    [Fact]
    public async Task Events_acknowledged_before_the_only_silo_is_SIGKILLed_are_scored_exactly_once_after_it_restarts()
    {
        var (connection, settings) = await SettingsAsync("restart");
        var stream = new CrashStream("restart");

        await using var doomed = await SiloProcess.StartAsync(settings);
        await using (var client = await PostgresClusterClient.ConnectAsync(connection, "ingest-restart"))
        {
            await SendAcknowledgedAsync(doomed, stream.Round(0));
            await client.WaitDispatchedAsync(Partitions);
        }

        await SendAcknowledgedAsync(doomed, stream.Round(1));
        await doomed.KillAsync();

        await using var restarted = await doomed.RestartAsync();
        await using var after = await PostgresClusterClient.ConnectAsync(connection, "ingest-restart");

        // The SDK never saw some answers, so it resends round one along with round two.
        await SendAcknowledgedAsync(restarted, stream.Round(1));
        await SendAcknowledgedAsync(restarted, stream.Round(2));
        await after.WaitDispatchedAsync(Partitions);

        await AssertEachUserScoredExactlyOnceAsync(restarted, stream);
    }

    [Fact]
    public async Task Events_acknowledged_before_the_silo_holding_the_user_grains_is_SIGKILLed_are_scored_exactly_once_on_the_survivor()
    {
        var (connection, settings) = await SettingsAsync("failover");
        var stream = new CrashStream("failover");
        var silos = await SiloProcess.StartManyAsync(2, settings);
        await using var a = silos[0];
        await using var b = silos[1];
        await using var client = await PostgresClusterClient.ConnectAsync(connection, "ingest-failover");

        await SendAcknowledgedAsync(a, stream.Round(0));
        await client.WaitDispatchedAsync(Partitions);
        var victim = await client.ActivationsOnAsync(a, "UserGrain") >= await client.ActivationsOnAsync(b, "UserGrain") ? a : b;
        var survivor = victim == a ? b : a;
        Assert.True(await client.ActivationsOnAsync(victim, "UserGrain") > 0, "the silo to kill holds no user grain");

        // Acknowledged by the victim's own gateway, then the process dies at once.
        await SendAcknowledgedAsync(victim, stream.Round(1));
        await victim.KillAsync();

        await SendAcknowledgedAsync(survivor, stream.Round(1));
        await SendAcknowledgedAsync(survivor, stream.Round(2));
        await client.WaitDispatchedAsync(Partitions);

        await AssertEachUserScoredExactlyOnceAsync(survivor, stream);
    }

    private async Task<(string Connection, Dictionary<string, string> Settings)> SettingsAsync(string name)
    {
        var connection = await server.CreateDatabaseAsync("ingest-" + name);
        var settings = PostgresSiloSettings.For(connection, "ingest-" + name);
        settings["Pql__Gateway__WriteKeys__0"] = WriteKey;
        settings["Pql__Ingest__Partitions"] = Partitions.ToString(CultureInfo.InvariantCulture);

        // A checkpoint lands in the middle of the stream, and no watermark is saved during the test:
        // after the kill, partitions re-dispatch everything and user grains must skip what they hold.
        settings["Pql__Users__CheckpointEveryEvents"] = "50";
        settings["Pql__Ingest__WatermarkInterval"] = "01:00:00";
        settings["Pql__Users__SettleDelay"] = "00:00:00.050";
        return (connection, settings);
    }

    /// <summary>
    /// Posts the batches; each must be acknowledged. While the cluster recovers the gateway answers
    /// 503 (or a call outlives the client's timeout): the batch is sent again, as an SDK does.
    /// </summary>
    private static async Task SendAcknowledgedAsync(SiloProcess silo, IReadOnlyList<string> batches)
    {
        foreach (var batch in batches)
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/batch") { Content = new StringContent(batch, Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
                string failure;
                try
                {
                    using var response = await silo.Http.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }

                    failure = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"batch refused: {failure}\n{silo.Output}");
                }
                catch (TaskCanceledException timeout)
                {
                    failure = timeout.Message;
                }

                Assert.True(DateTime.UtcNow < deadline, $"batch not acknowledged within 90 s: {failure}\n{silo.Output}");
                await Task.Delay(200);
            }
        }
    }

    private static async Task AssertEachUserScoredExactlyOnceAsync(SiloProcess silo, CrashStream stream)
    {
        foreach (var (userId, events) in stream.Acknowledged)
        {
            var user = await ReadUserAsync(silo, userId);
            Assert.Equal(events.Count, user.GetProperty("eventsApplied").GetInt64());
            ExpectedScore.ForUser(PqlDefinition.Default, events, user.GetProperty("evaluatedAt").GetDateTimeOffset()).AssertAnswered(user, userId);
        }
    }

    /// <summary>The user's read; a 5xx while the directory forgets the dead silo is asked again, anything else is final.</summary>
    private static async Task<JsonElement> ReadUserAsync(SiloProcess silo, string userId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await silo.Http.GetAsync($"/api/users/{userId}");
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }

            Assert.True((int)response.StatusCode >= 500 && DateTime.UtcNow < deadline, $"{userId}: {(int)response.StatusCode} {text}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Three rounds of Segment batches for <see cref="Users"/> users (invites, distinct features
    /// and sessions, each counting), and every distinct event the gateway acknowledged.
    /// </summary>
    private sealed class CrashStream(string name)
    {
        private readonly DateTimeOffset _start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds());
        private readonly Dictionary<string, Dictionary<string, ScoringEvent>> _acknowledged = new(StringComparer.Ordinal);

        public IEnumerable<(string UserId, IReadOnlyList<ScoringEvent> Events)> Acknowledged =>
            _acknowledged.Select(user => (user.Key, (IReadOnlyList<ScoringEvent>)[.. user.Value.Values.OrderBy(e => e.Timestamp)]));

        /// <summary>The round's batches (one per user); their events count as acknowledged once sent successfully.</summary>
        public IReadOnlyList<string> Round(int round)
        {
            var batches = new List<string>();
            for (var u = 0; u < Users; u++)
            {
                var userId = $"{name}-user-{u}";
                var mine = _acknowledged.TryGetValue(userId, out var known) ? known : _acknowledged[userId] = new(StringComparer.Ordinal);
                var messages = new List<string>();
                for (var i = round * EventsPerRound; i < (round + 1) * EventsPerRound; i++)
                {
                    var scoringEvent = EventOf(userId, i);
                    mine[scoringEvent.MessageId] = scoringEvent;
                    var properties = scoringEvent.Properties.Count == 0 ? "{}" : $$"""{"feature":"{{scoringEvent.Properties["feature"].Text}}"}""";
                    messages.Add($$"""{"type":"track","messageId":"{{scoringEvent.MessageId}}","userId":"{{userId}}","event":"{{scoringEvent.Name}}","timestamp":"{{scoringEvent.Timestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","properties":{{properties}}}""");
                }

                batches.Add($$"""{"batch":[{{string.Join(',', messages)}}]}""");
            }

            return batches;
        }

        private ScoringEvent EventOf(string userId, int i) => (i % 3) switch
        {
            0 => new ScoringEvent($"{userId}-{i}", userId, EventType.Track, "team.member_invited", _start.AddSeconds(i * 20), EventProperties.Empty),
            1 => new ScoringEvent($"{userId}-{i}", userId, EventType.Track, "feature.activated", _start.AddSeconds(i * 20), new EventProperties([KeyValuePair.Create("feature", PropertyValue.From($"feature-{i}"))])),
            _ => new ScoringEvent($"{userId}-{i}", userId, EventType.Track, "session.started", _start.AddSeconds(i * 20), EventProperties.Empty),
        };
    }
}
