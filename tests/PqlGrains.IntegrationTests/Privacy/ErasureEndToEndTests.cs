using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Grains.Ingest;
using PqlGrains.IntegrationTests.Leads;
using PqlGrains.Silo.Api;

namespace PqlGrains.IntegrationTests.Privacy;

/// <summary>
/// Embedded mode over HTTP: a contact's events in through the Segment gateway, a lead and its HubSpot task out, then
/// <c>DELETE /api/users/{id}</c> and everything the read APIs and the log still say about them.
/// </summary>
public sealed class ErasureEndToEndTests(LeadsPipelineHost host) : IClassFixture<LeadsPipelineHost>
{
    [Fact]
    public async Task Deleting_a_user_erases_their_events_score_membership_and_lead_contact_and_lists_the_CRM_copies()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (userId, colleague, accountId) = ("erase-" + suffix, "stay-" + suffix, "acct-" + suffix);
        await PostAsync(Batch(userId, accountId, "ada", "user.billing_page_viewed", "team.member_invited"));
        // The colleague only joins: no tier change of theirs can make them the lead's contact.
        await PostAsync(Batch(colleague, accountId, "bob"));
        var leadId = $"account:{accountId}~1";
        await EventuallyAsync(() => Task.FromResult(host.Crm.Tasks.Any(task => task.Property("hs_task_body")!.Contains(Uri.EscapeDataString(leadId), StringComparison.Ordinal))), "the HubSpot task of " + leadId);
        await EventuallyAsync(async () => (await GetJsonAsync($"/api/accounts/{accountId}"))?.GetProperty("users").GetArrayLength() == 2, "both users in the account");

        var unauthorized = await host.ApiAsync(HttpMethod.Delete, $"/api/users/{userId}", bearer: null);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/users/{userId}");
        request.Headers.Authorization = new("Bearer", LeadsPipelineHost.AdminToken);
        request.Headers.Add(PrivacyEndpoints.RequestedByHeader, "dsr-2026-118");
        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var erased = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(4, erased.GetProperty("eventsDeleted").GetInt32());
        Assert.Equal([accountId], erased.GetProperty("accountsUpdated").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal([leadId], erased.GetProperty("leadsRedacted").EnumerateArray().Select(id => id.GetString()));
        Assert.Contains(erased.GetProperty("externalRecords").EnumerateArray(), record => record.GetString()!.StartsWith("hubspot:", StringComparison.Ordinal));
        Assert.Contains(erased.GetProperty("notErased").EnumerateArray(), text => text.GetString()!.Contains("HubSpot", StringComparison.Ordinal));
        Assert.Contains("new data", erased.GetProperty("laterEvents").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await host.ApiAsync(HttpMethod.Get, $"/api/users/{userId}")).StatusCode);
        var account = (await GetJsonAsync($"/api/accounts/{accountId}"))!.Value;
        Assert.Equal([colleague], account.GetProperty("users").EnumerateArray().Select(user => user.GetProperty("userId").GetString()));
        var lead = (await GetJsonAsync("/api/leads/" + Uri.EscapeDataString(leadId)))!.Value;
        var leadText = lead.GetRawText();
        Assert.DoesNotContain(userId, leadText, StringComparison.Ordinal);
        Assert.DoesNotContain("ada@", leadText, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", leadText, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, lead.GetProperty("contactErasedAt").ValueKind);
        var log = host.Services.GetRequiredService<InMemoryEventLog>();
        Assert.Empty(await log.ReadUserAsync(PartitionMap.PartitionOf(userId, IngestOptions.DefaultPartitions), userId, 0, CancellationToken.None));

        var audit = (await GetJsonAsync("/api/admin/erasures?limit=1000"))!.Value.GetRawText();
        Assert.Contains("dsr-2026-118", audit, StringComparison.Ordinal);
        Assert.Contains(erased.GetProperty("userRef").GetString()!, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(userId, audit, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await host.ApiAsync(HttpMethod.Delete, $"/api/users/{userId}")).StatusCode);
    }

    private async Task PostAsync(string batch) => Assert.Equal(HttpStatusCode.OK, (await host.TrackAsync(batch)).StatusCode);

    private async Task<JsonElement?> GetJsonAsync(string path)
    {
        var response = await host.ApiAsync(HttpMethod.Get, path);
        return response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 30 s for {what}.");
            await Task.Delay(100);
        }
    }

    private static string Batch(string userId, string accountId, string name, params string[] events)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds());
        var messages = new List<object>
        {
            new { type = "identify", userId, messageId = $"{userId}-i", timestamp = at, traits = new { email = $"{name}@acme-{accountId}.io", name = char.ToUpperInvariant(name[0]) + name[1..] + " Lovelace" } },
            new { type = "group", userId, groupId = accountId, messageId = $"{userId}-g", timestamp = at, traits = new { name = "Acme", employees = 120, country = "DE" } },
        };
        messages.AddRange(events.Select((name, i) => (object)new { type = "track", userId, @event = name, messageId = $"{userId}-{i}", timestamp = at.AddMinutes(1 + i) }));
        return JsonSerializer.Serialize(new { batch = messages });
    }
}
