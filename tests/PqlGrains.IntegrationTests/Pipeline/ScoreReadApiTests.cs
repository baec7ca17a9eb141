using System.Net;
using System.Text.Json;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;

namespace PqlGrains.IntegrationTests.Pipeline;

public sealed class ScoreReadApiTests(EmbeddedPipelineHost host) : IClassFixture<EmbeddedPipelineHost>
{
    [Fact]
    public async Task A_tracked_user_reads_back_with_the_engines_score_breakdown_and_account()
    {
        var userId = "api-" + Guid.NewGuid().ToString("N")[..10];
        var accountId = "acct-" + Guid.NewGuid().ToString("N")[..10];
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeSeconds());
        var batch = JsonSerializer.Serialize(new
        {
            batch = new object[]
            {
                new { type = "identify", userId, messageId = $"{userId}-1", timestamp = at, traits = new { email = "ada@acme.io", company = new { id = accountId, name = "Acme" } } },
                new { type = "group", userId, groupId = accountId, messageId = $"{userId}-2", timestamp = at, traits = new { name = "Acme", employees = 120, country = "DE" } },
                new { type = "track", userId, @event = "user.billing_page_viewed", messageId = $"{userId}-3", timestamp = at.AddMinutes(1) },
                new { type = "track", userId, @event = "team.member_invited", messageId = $"{userId}-4", timestamp = at.AddMinutes(2) },
            },
        });
        var posted = await host.PostAsync("/v1/batch", batch);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        await host.DispatchedAsync();

        var response = await host.GetAsync($"/api/users/{userId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var user = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = user.RootElement;
        var evaluatedAt = root.GetProperty("evaluatedAt").GetDateTimeOffset();
        var expected = ExpectedScore(userId, at, evaluatedAt);
        Assert.Equal(expected, root.GetProperty("score").GetDouble());
        Assert.Equal(PqlDefinition.Default.TierFor(expected)?.Name, root.GetProperty("tier").GetString());
        Assert.Equal(PqlDefinition.Default.Version, root.GetProperty("definitionVersion").GetString());
        Assert.Equal(accountId, root.GetProperty("accountId").GetString());
        Assert.Equal("ada@acme.io", root.GetProperty("traits").GetProperty("email").GetString());
        Assert.Contains(root.GetProperty("breakdown").EnumerateArray(), item =>
            item.GetProperty("signal").GetString() == "billing_page" && item.GetProperty("category").GetString() == "adoption" && item.GetProperty("points").GetDouble() > 0);
        Assert.Equal(2, root.GetProperty("topSignals").GetArrayLength());
        Assert.Equal(at.AddMinutes(2), root.GetProperty("lastEventAt").GetDateTimeOffset());

        var accountResponse = await WaitForAccountAsync(accountId);
        using var account = JsonDocument.Parse(await accountResponse.Content.ReadAsStringAsync());
        var accountRoot = account.RootElement;
        Assert.Equal("Acme", accountRoot.GetProperty("traits").GetProperty("name").GetString());
        var member = Assert.Single(accountRoot.GetProperty("users").EnumerateArray());
        Assert.Equal(userId, member.GetProperty("userId").GetString());
        Assert.True(accountRoot.GetProperty("score").GetDouble() > 0);
        Assert.Equal(PqlDefinition.Default.Version, accountRoot.GetProperty("definitionVersion").GetString());
        Assert.True(accountRoot.TryGetProperty("breakdown", out _) && accountRoot.TryGetProperty("topSignals", out _) && accountRoot.TryGetProperty("lastEventAt", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Reads_without_the_admin_token_are_refused_with_401(string? bearer)
    {
        var user = await host.GetAsync("/api/users/anyone", bearer);
        var account = await host.GetAsync("/api/accounts/anything", bearer);

        Assert.Equal(HttpStatusCode.Unauthorized, user.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, account.StatusCode);
        Assert.Contains("Pql:Api:AdminToken", await user.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_users_and_accounts_are_404()
    {
        var user = await host.GetAsync("/api/users/never-seen-" + Guid.NewGuid().ToString("N"));
        var account = await host.GetAsync("/api/accounts/never-seen-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.NotFound, user.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, account.StatusCode);
        Assert.Contains("No event for user", await user.Content.ReadAsStringAsync());
        Assert.Contains("ever named account", await account.Content.ReadAsStringAsync());
    }

    private static double ExpectedScore(string userId, DateTimeOffset at, DateTimeOffset evaluatedAt)
    {
        var state = PqlDefinition.Default.CreateUserState();
        state.Apply(new ScoringEvent($"{userId}-3", userId, EventType.Track, "user.billing_page_viewed", at.AddMinutes(1), EventProperties.Empty));
        state.Apply(new ScoringEvent($"{userId}-4", userId, EventType.Track, "team.member_invited", at.AddMinutes(2), EventProperties.Empty));
        return state.Evaluate(evaluatedAt).Score;
    }

    private async Task<HttpResponseMessage> WaitForAccountAsync(string accountId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await host.GetAsync($"/api/accounts/{accountId}");
            if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("\"users\":[{", StringComparison.Ordinal))
            {
                return response;
            }

            Assert.True(DateTime.UtcNow < deadline, $"account {accountId} did not show its member within 20 s (last status {(int)response.StatusCode})");
            await Task.Delay(20);
        }
    }
}
