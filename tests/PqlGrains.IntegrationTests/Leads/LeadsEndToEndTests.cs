using System.Globalization;
using System.Net;
using System.Text.Json;
using PqlGrains.Silo.Api;
using PqlGrains.Testing.Fakes;

namespace PqlGrains.IntegrationTests.Leads;

/// <summary>Product events in through the Segment gateway, one HubSpot task out, and the leads API around it.</summary>
public sealed class LeadsEndToEndTests(LeadsPipelineHost host) : IClassFixture<LeadsPipelineHost>
{
    private static readonly Dictionary<string, string> DemoAeOwners = new() { ["ae-avery"] = "90000011", ["ae-blake"] = "90000012" };
    private static readonly Dictionary<string, string> DemoAeSalesforceOwners = new() { ["ae-avery"] = "005000000000011AAA", ["ae-blake"] = "005000000000012AAA" };

    [Fact]
    public async Task Worked_example_billing_visit_and_one_invite_creates_one_HubSpot_task_for_the_routed_AE_due_in_15_minutes()
    {
        var (userId, accountId) = NewIds();
        var before = DateTimeOffset.UtcNow;

        await PostAsync(Batch(userId, accountId, ("user.billing_page_viewed", 0), ("team.member_invited", 1)));

        var lead = await WaitForLeadAsync(accountId, lead => lead.GetProperty("status").GetString() == "assigned");
        var leadId = lead.GetProperty("leadId").GetString()!;
        var task = await EventuallyAsync(() => TasksFor(leadId), tasks => tasks.Count == 1, "the HubSpot task");
        Assert.Empty(host.Crm.Violations);
        Assert.Equal(DemoAeOwners[lead.GetProperty("assigneeId").GetString()!], task[0].Property("hubspot_owner_id"));
        var due = DateTimeOffset.Parse(task[0].Property("hs_timestamp")!, CultureInfo.InvariantCulture);
        Assert.InRange(due, before.AddMinutes(15).AddSeconds(-1), DateTimeOffset.UtcNow.AddMinutes(15));
        var body = task[0].Property("hs_task_body")!;
        Assert.Contains("sales-ready", body);
        Assert.Contains("ada@", body);
        Assert.Contains("Suggested opening", body);
        Assert.Contains("120 employees", body);
        Assert.Equal("sales_ready", lead.GetProperty("tier").GetString());
        Assert.False(string.IsNullOrEmpty(lead.GetProperty("definitionVersion").GetString()));
        await Task.Delay(1000);
        Assert.Single(TasksFor(leadId));
    }

    [Fact]
    public async Task Worked_example_with_Salesforce_configured_creates_one_Salesforce_Task_for_the_routed_AE_beside_the_HubSpot_task()
    {
        var (userId, accountId) = NewIds();

        await PostAsync(Batch(userId, accountId, ("user.billing_page_viewed", 0), ("team.member_invited", 1)));

        var lead = await WaitForLeadAsync(accountId, lead => lead.GetProperty("deliveries").EnumerateArray().Count(d => d.GetProperty("kind").GetString() == "create_task" && d.GetProperty("state").GetString() == "delivered") == 2);
        var link = "api/leads/" + Uri.EscapeDataString(lead.GetProperty("leadId").GetString()!);
        var task = Assert.Single(host.Salesforce.OpenTasks, request => FakeSalesforceServer.Field(request, "Description")!.Contains(link, StringComparison.Ordinal));
        Assert.Empty(host.Salesforce.Violations);
        Assert.Equal(DemoAeSalesforceOwners[lead.GetProperty("assigneeId").GetString()!], FakeSalesforceServer.Field(task, "OwnerId"));
        Assert.Equal(("High", "Not Started"), (FakeSalesforceServer.Field(task, "Priority"), FakeSalesforceServer.Field(task, "Status")));
        Assert.Equal(lead.GetProperty("slaDeadline").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), FakeSalesforceServer.Field(task, "ActivityDate"));
        Assert.Contains("sales-ready", FakeSalesforceServer.Field(task, "Subject"));
        Assert.Contains("Suggested opening", FakeSalesforceServer.Field(task, "Description"));
        Assert.Single(TasksFor(lead.GetProperty("leadId").GetString()!));
        await Task.Delay(1000);
        Assert.Single(host.Salesforce.OpenTasks, request => FakeSalesforceServer.Field(request, "Description")!.Contains(link, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Salesforce_failing_past_DeadLetterAfter_is_listed_by_the_dead_letters_API_with_the_reason()
    {
        var (userId, accountId) = NewIds();
        host.Salesforce.FailTaskCreates(int.MaxValue);
        try
        {
            await PostAsync(Batch(userId, accountId, ("user.billing_page_viewed", 0), ("team.member_invited", 1)));

            var lead = await WaitForLeadAsync(accountId, lead => lead.GetProperty("deliveries").EnumerateArray().Any(d => d.GetProperty("connector").GetString() == "salesforce" && d.GetProperty("state").GetString() == "dead_lettered"));
            var leadId = lead.GetProperty("leadId").GetString()!;
            var response = await host.ApiAsync(HttpMethod.Get, "/api/outbox/dead-letters?limit=200");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var letters = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var letter = Assert.Single(letters.EnumerateArray(), letter => letter.GetProperty("leadId").GetString() == leadId);
            var reason = letter.GetProperty("delivery").GetProperty("reason").GetString();
            Assert.Contains("Pql:Outbox:DeadLetterAfter", reason);
            Assert.Contains("SERVER_UNAVAILABLE", reason);
            Assert.Equal("create_task", letter.GetProperty("delivery").GetProperty("kind").GetString());
            Assert.Single(TasksFor(leadId));
        }
        finally
        {
            host.Salesforce.StopFailing();
        }
    }

    [Fact]
    public async Task HubSpot_task_body_lists_the_features_the_contact_activated_in_the_last_7_days()
    {
        var (userId, accountId) = NewIds();

        await PostAsync(Batch(userId, accountId, ["sso", "audit_log"], ("user.billing_page_viewed", 0), ("team.member_invited", 1)));

        var lead = await WaitForLeadAsync(accountId, lead => lead.GetProperty("status").GetString() == "assigned");
        var task = await EventuallyAsync(() => TasksFor(lead.GetProperty("leadId").GetString()!), tasks => tasks.Count == 1, "the HubSpot task");
        var body = task[0].Property("hs_task_body")!;
        Assert.Contains("Features used (7 days)", body);
        Assert.Contains("sso", body);
        Assert.Contains("audit_log", body);
        Assert.Equal(["audit_log", "sso"], lead.GetProperty("context").GetProperty("featuresUsed7Days").EnumerateArray().Select(f => f.GetString()).Order());
    }

    [Fact]
    public async Task Three_billing_visits_in_one_session_still_create_one_task()
    {
        var (userId, accountId) = NewIds();

        await PostAsync(Batch(userId, accountId, ("user.billing_page_viewed", 0), ("user.billing_page_viewed", 1), ("user.billing_page_viewed", 2), ("team.member_invited", 3)));

        var lead = await WaitForLeadAsync(accountId, lead => lead.GetProperty("status").GetString() == "assigned");
        var leadId = lead.GetProperty("leadId").GetString()!;
        await EventuallyAsync(() => TasksFor(leadId), tasks => tasks.Count == 1, "the HubSpot task");
        await Task.Delay(1500);
        Assert.Single(TasksFor(leadId));
    }

    [Fact]
    public async Task Signed_HubSpot_task_completion_records_contact_and_a_bad_signature_is_refused()
    {
        var (userId, accountId) = NewIds();
        await PostAsync(Batch(userId, accountId, ("user.billing_page_viewed", 0), ("team.member_invited", 1)));
        var lead = await WaitForLeadAsync(accountId, lead => lead.GetProperty("deliveries").EnumerateArray().Any(d => d.GetProperty("kind").GetString() == "create_task" && d.GetProperty("state").GetString() == "delivered"));
        var leadId = lead.GetProperty("leadId").GetString()!;
        var taskId = TasksFor(leadId).Single().CreatedId!;
        // HubSpot sends the task's object id; the fake's ids are strings, which the endpoint reads the same way.
        var body = $$"""[{"objectId":"{{taskId}}","propertyName":"hs_task_status","propertyValue":"COMPLETED","occurredAt":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}},"subscriptionType":"object.propertyChange"}]""";

        var refused = await CallbackAsync(body, signatureSecret: "wrong-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var accepted = await CallbackAsync(body, LeadsPipelineHost.HubSpotAppSecret);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var contacted = await WaitForLeadAsync(accountId, lead => lead.GetProperty("status").GetString() == "contacted");
        Assert.Equal("hubspot", contacted.GetProperty("contactSource").GetString());
    }

    [Fact]
    public async Task Leads_API_lists_feeds_back_converts_and_guards_with_the_admin_token()
    {
        var (userId, accountId) = NewIds();
        await PostAsync(Batch(userId, accountId, ("user.billing_page_viewed", 0), ("team.member_invited", 1)));
        var lead = await WaitForLeadAsync(accountId, lead => lead.GetProperty("status").GetString() == "assigned");
        var leadId = lead.GetProperty("leadId").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.ApiAsync(HttpMethod.Get, "/api/leads", bearer: null)).StatusCode);
        using var open = JsonDocument.Parse(await (await host.ApiAsync(HttpMethod.Get, "/api/leads?status=open&limit=200")).Content.ReadAsStringAsync());
        Assert.Contains(open.RootElement.GetProperty("leads").EnumerateArray(), row => row.GetProperty("leadId").GetString() == leadId);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.ApiAsync(HttpMethod.Post, $"/api/leads/{Uri.EscapeDataString(leadId)}/feedback", """{"verdict":"meh"}""")).StatusCode);

        var contacted = await host.ApiAsync(HttpMethod.Post, $"/api/leads/{Uri.EscapeDataString(leadId)}/contacted", "{}");
        Assert.Equal(HttpStatusCode.OK, contacted.StatusCode);
        var feedback = await host.ApiAsync(HttpMethod.Post, $"/api/leads/{Uri.EscapeDataString(leadId)}/feedback", """{"verdict":"good","note":"booked a demo"}""");
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        var converted = await host.ApiAsync(HttpMethod.Post, "/api/conversions", $$"""{"accountId":"{{accountId}}","amount":12000}""");
        Assert.Equal(HttpStatusCode.OK, converted.StatusCode);

        using var detail = JsonDocument.Parse(await (await host.ApiAsync(HttpMethod.Get, $"/api/leads/{Uri.EscapeDataString(leadId)}")).Content.ReadAsStringAsync());
        Assert.Equal("converted", detail.RootElement.GetProperty("status").GetString());
        Assert.Equal("good", detail.RootElement.GetProperty("feedback").GetProperty("kind").GetString());
        Assert.Equal(12000m, detail.RootElement.GetProperty("conversion").GetProperty("amount").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await host.ApiAsync(HttpMethod.Post, $"/api/leads/{Uri.EscapeDataString(leadId)}/contacted", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.ApiAsync(HttpMethod.Get, "/api/leads/account:nobody~9")).StatusCode);
    }

    [Fact]
    public async Task Routing_loaded_from_the_configured_path_is_readable_and_an_invalid_replacement_is_refused_with_every_problem()
    {
        var current = await host.ApiAsync(HttpMethod.Get, "/api/routing");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        var text = await current.Content.ReadAsStringAsync();
        Assert.Contains("ae-pool", text);
        Assert.Contains("version: " + LeadsPipelineHost.RoutingVersion, text);
        Assert.Equal(host.RoutingPath, current.Headers.GetValues("X-Routing-Source").Single());

        var rejected = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/routing")
        {
            Content = new StringContent("version: broken\nreps: []\n"),
            Headers = { Authorization = new("Bearer", LeadsPipelineHost.AdminToken) },
        });

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("errors", await rejected.Content.ReadAsStringAsync());
        Assert.Contains("ae-pool", await (await host.ApiAsync(HttpMethod.Get, "/api/routing")).Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> CallbackAsync(string body, string signatureSecret)
    {
        var uri = new Uri(host.Client.BaseAddress!, "/api/crm/hubspot/events");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
        request.Headers.Add("X-HubSpot-Signature-v3", LeadsCallbackSignatures.HubSpotV3(signatureSecret, "POST", uri.ToString(), body, timestamp));
        return host.Client.SendAsync(request);
    }

    private List<RecordedRequest> TasksFor(string leadId) =>
        [.. host.Crm.Tasks.Where(task => task.Property("hs_task_body")!.Contains("api/leads/" + Uri.EscapeDataString(leadId), StringComparison.Ordinal))];

    private static (string UserId, string AccountId) NewIds()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        return ("e2e-" + suffix, "acct-" + suffix);
    }

    private static string Batch(string userId, string accountId, params (string Event, int Minute)[] events) => Batch(userId, accountId, [], events);

    private static string Batch(string userId, string accountId, string[] featuresActivated, params (string Event, int Minute)[] events)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds());
        var messages = new List<object>
        {
            new { type = "identify", userId, messageId = $"{userId}-i", timestamp = at, traits = new { email = "ada@acme-" + accountId + ".io", name = "Ada Lovelace", company = new { id = accountId, name = "Acme" } } },
            new { type = "group", userId, groupId = accountId, messageId = $"{userId}-g", timestamp = at, traits = new { name = "Acme", employees = 120, country = "DE" } },
        };
        messages.AddRange(events.Select((e, i) => (object)new { type = "track", userId, @event = e.Event, messageId = $"{userId}-{i}", timestamp = at.AddMinutes(1 + e.Minute) }));
        messages.AddRange(featuresActivated.Select((feature, i) => (object)new { type = "track", userId, @event = "feature.activated", messageId = $"{userId}-f{i}", timestamp = at.AddMinutes(1), properties = new { feature } }));
        return JsonSerializer.Serialize(new { batch = messages });
    }

    private async Task PostAsync(string batch)
    {
        var response = await host.TrackAsync(batch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> WaitForLeadAsync(string accountId, Func<JsonElement, bool> condition)
    {
        var leadId = $"account:{accountId}~1";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string last = "(none)";
        while (DateTime.UtcNow < deadline)
        {
            var response = await host.ApiAsync(HttpMethod.Get, "/api/leads/" + Uri.EscapeDataString(leadId));
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var lead = JsonDocument.Parse(last).RootElement.Clone();
                if (condition(lead))
                {
                    return lead;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Lead {leadId} did not reach the expected state in 30 s; last answer: {last}");
    }

    private static async Task<T> EventuallyAsync<T>(Func<T> read, Func<T, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var value = read();
            if (condition(value))
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Waited 30 s for {what}.");
    }
}
