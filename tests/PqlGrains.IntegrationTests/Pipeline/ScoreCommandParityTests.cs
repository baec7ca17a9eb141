using System.Net;
using System.Text.Json;
using PqlGrains.Cli.Tests;
using PqlGrains.Simulation;

namespace PqlGrains.IntegrationTests.Pipeline;

/// <summary>
/// The cluster and <c>pql score</c> run the same engine: a simulated product sent through the
/// gateway out of order and with repeated deliveries scores every user and account exactly as
/// <c>pql score</c> scores the original file at the same instant.
/// </summary>
public sealed class ScoreCommandParityTests(EmbeddedPipelineHost host) : IClassFixture<EmbeddedPipelineHost>
{
    private const int BatchSize = 50;

    private const int Days = 21;

    [Fact]
    public async Task Every_score_through_the_gateway_equals_pql_score_on_the_file_though_delivered_shuffled_and_duplicated()
    {
        // The simulated product ends yesterday and the cluster scores ten minutes from now (the clock
        // may not go back: Orleans reads it too), so decay and staleness are today's, not zero.
        var now = DateTimeOffset.UtcNow;
        var simulation = new SimulationOptions { Users = 40, Accounts = 6, Days = Days, Seed = 4242, Start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-Days - 1) };
        var at = DateTimeOffset.FromUnixTimeSeconds(now.AddMinutes(10).ToUnixTimeSeconds());
        host.Clock.Set(at);
        var directory = Directory.CreateTempSubdirectory("pql-parity-");
        try
        {
            await SimulationFiles.WriteAsync(simulation, directory.FullName);
            var eventsFile = Path.Combine(directory.FullName, SimulationFiles.EventsFileName);
            var lines = (await File.ReadAllLinesAsync(eventsFile)).Where(line => line.Length > 0).ToArray();

            var deliveries = ShuffledWithRepeats(lines, new Random(7));
            await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, _) =>
            {
                var response = await host.PostAsync("/v1/batch", $$"""{"batch":[{{string.Join(',', batch)}}]}""");
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK && body.Contains("\"rejected\":[]", StringComparison.Ordinal), $"{(int)response.StatusCode}: {body}");
            });
            await host.DispatchedAsync();

            var scored = await ScoreCommandAsync(eventsFile, at);
            var users = scored.Where(entity => entity.GetProperty("kind").GetString() == "user").ToList();
            var accounts = scored.Where(entity => entity.GetProperty("kind").GetString() == "account").ToList();
            Assert.Equal(simulation.Users, users.Count);
            Assert.NotEmpty(accounts);
            Assert.Contains(users, user => user.GetProperty("tier").GetString() is not null);

            var messagesPerUser = lines.Select(line => JsonDocument.Parse(line).RootElement)
                .GroupBy(message => message.GetProperty("userId").GetString()!)
                .ToDictionary(group => group.Key, group => group.Select(message => message.GetProperty("messageId").GetString()).Distinct().Count());
            foreach (var user in users)
            {
                var userId = user.GetProperty("id").GetString()!;
                var answer = await ReadAsync($"/api/users/{userId}");
                Assert.Equal(at, answer.GetProperty("evaluatedAt").GetDateTimeOffset());
                ExpectedScore.FromScoreCommand(user).AssertAnswered(answer, $"user {userId}");
                Assert.Equal(messagesPerUser[userId], answer.GetProperty("eventsApplied").GetInt64());
            }

            foreach (var account in accounts)
            {
                var accountId = account.GetProperty("id").GetString()!;
                await AssertAccountSettlesOnAsync(ExpectedScore.FromScoreCommand(account), accountId);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The file's messages in shuffled batches, as several SDK instances with retries deliver them:
    /// every third batch carries one of its messages twice, and a twentieth of all messages is sent
    /// again in later requests of their own (some before their first copy, as the order is shuffled too).
    /// </summary>
    private static List<List<string>> ShuffledWithRepeats(string[] lines, Random random)
    {
        var order = lines.ToArray();
        random.Shuffle(order);
        var batches = order.Chunk(BatchSize).Select(chunk => chunk.ToList()).ToList();
        for (var i = 0; i < batches.Count; i += 3)
        {
            batches[i].Insert(random.Next(batches[i].Count), batches[i][random.Next(batches[i].Count)]);
        }

        var resent = Enumerable.Range(0, order.Length / 20).Select(_ => order[random.Next(order.Length)]).ToArray();
        batches.AddRange(resent.Chunk(BatchSize / 2).Select(chunk => chunk.ToList()));
        batches.Add(batches[random.Next(batches.Count)]);
        var delivered = batches.ToArray();
        random.Shuffle(delivered);
        return [.. delivered];
    }

    /// <summary><c>pql score --events FILE --at TIME --json</c>, run in process through the CLI's own commands.</summary>
    private static async Task<List<JsonElement>> ScoreCommandAsync(string eventsFile, DateTimeOffset at)
    {
        using var cli = new CliRunner();
        var (exitCode, output, error) = await cli.RunAsync("score", "--events", eventsFile, "--at", at.ToString("O"), "--json");
        Assert.True(exitCode == 0, $"pql score exited with {exitCode}: {error}");
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(entity => entity.Clone())];
    }

    /// <summary>Accounts roll their members up after each member's settle window: wait for the last report, then compare.</summary>
    private async Task AssertAccountSettlesOnAsync(ExpectedScore expected, string accountId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var answer = await ReadAsync($"/api/accounts/{accountId}");
            if (expected.Matches(ExpectedScore.FromApi(answer)) || DateTime.UtcNow > deadline)
            {
                expected.AssertAnswered(answer, $"account {accountId}");
                return;
            }

            await Task.Delay(50);
        }
    }

    private async Task<JsonElement> ReadAsync(string path)
    {
        var response = await host.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
