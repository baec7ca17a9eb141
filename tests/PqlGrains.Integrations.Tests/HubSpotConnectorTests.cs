using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Integrations.Crm;
using PqlGrains.Integrations.Delivery;
using PqlGrains.Integrations.HubSpot;
using PqlGrains.Integrations.Tests.Fakes;

namespace PqlGrains.Integrations.Tests;

public sealed class HubSpotConnectorTests : IAsyncLifetime
{
    private const string Token = "pat-test-token";
    private LocalApiServer _hubSpot = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _hubSpot = await LocalApiServer.StartAsync(_ => ApiResponse.Json(201, """{"id":"7001","properties":{},"createdAt":"2026-01-07T15:00:00Z","updatedAt":"2026-01-07T15:00:00Z","archived":false}"""));
        _services = Connectors.Build(("Pql:Crm:HubSpot:BaseUrl", _hubSpot.BaseUrl.ToString()), ("Pql:Crm:HubSpot:AccessToken", Token));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _hubSpot.DisposeAsync();
    }

    private ICrmConnector HubSpot => Assert.Single(_services.GetServices<ICrmConnector>());

    [Fact]
    public async Task Task_request_validates_against_hubspots_openapi_spec_and_returns_the_task_id()
    {
        var result = await HubSpot.CreateTaskAsync(Leads.Task(), CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered("hubspot", "7001", 201), result);
        var request = Assert.Single(_hubSpot.Requests);
        Assert.Equal(("POST", "/crm/v3/objects/tasks"), (request.Method, request.Path));
        Assert.Equal($"Bearer {Token}", request.Header("authorization"));
        Assert.StartsWith("application/json", request.Header("content-type"));
        Assert.Empty(await HubSpotSpec.ValidateAsync(HubSpotSpec.Tasks, "POST", "/crm/v3/objects/tasks", request.Body));
    }

    [Fact]
    public async Task Task_carries_owner_due_time_priority_subject_context_and_associations()
    {
        await HubSpot.CreateTaskAsync(Leads.Task(), CancellationToken.None);

        var body = JsonNode.Parse(_hubSpot.Requests.Single().Body)!;
        var properties = body["properties"]!;
        Assert.Equal("2026-01-07T15:15:00.000Z", properties["hs_timestamp"]!.GetValue<string>());
        Assert.Equal("90000011", properties["hubspot_owner_id"]!.GetValue<string>());
        Assert.Equal("HIGH", properties["hs_task_priority"]!.GetValue<string>());
        Assert.Equal("NOT_STARTED", properties["hs_task_status"]!.GetValue<string>());
        Assert.Equal("TODO", properties["hs_task_type"]!.GetValue<string>());
        Assert.Equal("PQL sales-ready: Acme GmbH (Jane Doe), score 95", properties["hs_task_subject"]!.GetValue<string>());
        Assert.Contains("visited the billing page", properties["hs_task_body"]!.GetValue<string>());
        Assert.Contains("yesterday 40", properties["hs_task_body"]!.GetValue<string>());

        var associations = body["associations"]!.AsArray()
            .Select(a => (a!["to"]!["id"]!.GetValue<string>(), a["types"]![0]!["associationTypeId"]!.GetValue<int>(), a["types"]![0]!["associationCategory"]!.GetValue<string>()));
        Assert.Equal([("501", 204, "HUBSPOT_DEFINED"), ("601", 192, "HUBSPOT_DEFINED")], associations);
    }

    [Fact]
    public async Task Note_on_an_existing_record_validates_against_the_notes_spec()
    {
        _hubSpot.Respond = _ => ApiResponse.Json(201, """{"id":"8001"}""");

        var result = await HubSpot.LogNoteAsync(Leads.Note(), CancellationToken.None);

        Assert.Equal("8001", result.ExternalId);
        var request = _hubSpot.Requests.Single();
        Assert.Equal(("POST", "/crm/v3/objects/notes"), (request.Method, request.Path));
        Assert.Empty(await HubSpotSpec.ValidateAsync(HubSpotSpec.Notes, "POST", "/crm/v3/objects/notes", request.Body));
        var body = JsonNode.Parse(request.Body)!;
        Assert.NotNull(body["properties"]!["hs_timestamp"]);
        Assert.Contains("Re-qualified", body["properties"]!["hs_note_body"]!.GetValue<string>());
        Assert.Equal([202, 190], body["associations"]!.AsArray().Select(a => a!["types"]![0]!["associationTypeId"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Completing_a_task_patches_its_status_as_the_spec_documents()
    {
        _hubSpot.Respond = _ => ApiResponse.Json(200, """{"id":"7001"}""");

        var result = await HubSpot.CompleteTaskAsync("7001", CancellationToken.None);

        Assert.True(result.IsDelivered);
        var request = _hubSpot.Requests.Single();
        Assert.Equal(("PATCH", "/crm/v3/objects/tasks/7001"), (request.Method, request.Path));
        Assert.Empty(await HubSpotSpec.ValidateAsync(HubSpotSpec.Tasks, "PATCH", "/crm/v3/objects/tasks/{taskId}", request.Body));
        Assert.Equal("COMPLETED", JsonNode.Parse(request.Body)!["properties"]!["hs_task_status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Spec_check_catches_a_body_hubspot_would_reject()
    {
        var errors = await HubSpotSpec.ValidateAsync(HubSpotSpec.Tasks, "POST", "/crm/v3/objects/tasks", """{"properties":{"hs_timestamp":1},"associatons":[]}""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Server_error_is_retryable_and_the_post_is_sent_only_once()
    {
        _hubSpot.Respond = _ => ApiResponse.Json(500, """{"status":"error","message":"internal error","category":"INTERNAL_ERROR","correlationId":"c-1"}""");

        var result = await HubSpot.CreateTaskAsync(Leads.Task(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retryable, result.Outcome);
        Assert.Equal(500, result.StatusCode);
        Assert.Single(_hubSpot.Requests);
    }

    [Fact]
    public async Task Rate_limit_is_retryable_after_the_servers_retry_after()
    {
        _hubSpot.Respond = _ => new ApiResponse(429, """{"status":"error","message":"You have reached your secondly limit.","category":"RATE_LIMITS","correlationId":"c-2"}""", Headers: new Dictionary<string, string> { ["Retry-After"] = "7" });

        var result = await HubSpot.CreateTaskAsync(Leads.Task(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retryable, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Single(_hubSpot.Requests);
    }

    [Fact]
    public async Task Bad_request_is_permanent_and_keeps_hubspots_message()
    {
        _hubSpot.Respond = _ => ApiResponse.Json(400, """{"status":"error","message":"Property values were not valid: hubspot_owner_id 123 is not a valid owner","category":"VALIDATION_ERROR","correlationId":"c-3"}""");

        var result = await HubSpot.CreateTaskAsync(Leads.Task(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("HubSpot: Property values were not valid: hubspot_owner_id 123 is not a valid owner [VALIDATION_ERROR]", result.Message);
    }

    [Fact]
    public async Task Unauthorized_is_permanent_and_points_at_the_token_setting()
    {
        _hubSpot.Respond = _ => ApiResponse.Json(401, """{"status":"error","message":"Authentication credentials not found.","category":"INVALID_AUTHENTICATION","correlationId":"c-4"}""");

        var result = await HubSpot.CreateTaskAsync(Leads.Task(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("Pql:Crm:HubSpot:AccessToken", result.Message);
    }

    [Fact]
    public async Task Rep_without_a_hubspot_owner_id_fails_permanently_without_calling_hubspot()
    {
        var task = Leads.Task() with { Owner = new Routing.Model.CrmOwnerIds(null, "005X") };

        var result = await HubSpot.CreateTaskAsync(task, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("crm_owner_ids.hubspot", result.Message);
        Assert.Empty(_hubSpot.Requests);
    }

    [Fact]
    public async Task Hung_hubspot_times_out_as_retryable()
    {
        _hubSpot.Respond = _ => ApiResponse.Json(201, """{"id":"late"}""") with { Delay = TimeSpan.FromSeconds(5) };
        await using var services = Connectors.Build(
            ("Pql:Crm:HubSpot:BaseUrl", _hubSpot.BaseUrl.ToString()),
            ("Pql:Crm:HubSpot:AccessToken", Token),
            ("Pql:Crm:HubSpot:Timeout", "00:00:00.300"));

        var result = await services.GetRequiredService<ICrmConnector>().CreateTaskAsync(Leads.Task(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retryable, result.Outcome);
        Assert.Null(result.ExternalId);
        Assert.Contains("timed out", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unreachable_hubspot_is_retryable()
    {
        using var nobodyListening = new RefusingPort();
        await using var services = Connectors.Build(("Pql:Crm:HubSpot:BaseUrl", nobodyListening.BaseUrl.ToString()), ("Pql:Crm:HubSpot:AccessToken", Token));

        var result = await services.GetRequiredService<ICrmConnector>().CreateTaskAsync(Leads.Task(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retryable, result.Outcome);
        Assert.Contains("connection failed", result.Message);
    }
}
