using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PqlGrains.Calibration.Replay;
using PqlGrains.IntegrationTests.Pipeline;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Simulation;

namespace PqlGrains.IntegrationTests.Replay;

/// <summary>
/// Issue #6's replay determinism: the backtest replay over the events that went through a running cluster gives
/// every user the cluster's score and the cluster's tier-crossing times, exactly.
/// </summary>
public sealed class ClusterReplayDeterminismTests(EmbeddedPipelineHost host) : IClassFixture<EmbeddedPipelineHost>
{
    private const int BatchSize = 200;

    [Fact]
    public async Task Backtest_replay_of_the_events_a_cluster_ingested_reproduces_its_scores_and_tier_crossing_times()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pql-determinism-" + Guid.NewGuid().ToString("N"));
        try
        {
            // This class has its own host: the cluster holds exactly the simulated users.
            await SimulationFiles.WriteAsync(new SimulationOptions { Users = 60, Accounts = 10, Days = 21, Seed = 4242 }, directory);
            var file = Path.Combine(directory, SimulationFiles.EventsFileName);
            var history = await EventHistory.LoadAsync(file);
            Assert.Empty(history.Rejections);

            // The cluster applies each user's events in arrival order and the backtest in event-time order: send them in time order.
            foreach (var batch in InEventTimeOrder(await File.ReadAllLinesAsync(file)).Chunk(BatchSize))
            {
                var posted = await host.PostAsync("/v1/batch", new JsonObject { ["batch"] = new JsonArray([.. batch]) }.ToJsonString());
                Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            }

            await host.DispatchedAsync();
            var replay = BacktestReplay.Run(PqlDefinition.Default, history.Events, SubjectLevel.User, keepStates: true);
            Assert.True(replay.Subjects.Values.Count(s => s.Crossings.Count > 0) >= 3, "the simulated product should lift a few users into tiers");

            foreach (var (userId, subject) in replay.Subjects)
            {
                var response = await host.GetAsync($"/api/users/{Uri.EscapeDataString(userId)}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                using var user = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var root = user.RootElement;
                var evaluatedAt = root.GetProperty("evaluatedAt").GetDateTimeOffset();

                Assert.Equal(subject.EvaluateAt(evaluatedAt).Score, root.GetProperty("score").GetDouble());
                Assert.Equal(subject.Tiers.Tier?.Name, root.GetProperty("tierAtLastEvent").GetString());
                var crossedAt = root.GetProperty("tierCrossedAt").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDateTimeOffset());
                Assert.Equal(subject.Tiers.CrossedAtByTier().OrderBy(c => c.Key), crossedAt.OrderBy(c => c.Key));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Messages sorted by timestamp; equal timestamps keep file order, as <see cref="EventHistory"/> does.</summary>
    private static IEnumerable<JsonNode> InEventTimeOrder(IEnumerable<string> lines) =>
        lines.Where(line => line.Length > 0)
            .Select(line => JsonNode.Parse(Encoding.UTF8.GetBytes(line))!)
            .OrderBy(message => DateTimeOffset.Parse(message["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).UtcTicks);
}
