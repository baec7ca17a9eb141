using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Integrations.Crm;
using PqlGrains.Integrations.Delivery;
using PqlGrains.Integrations.Tests.Fakes;

namespace PqlGrains.Integrations.Tests;

public sealed class SalesforceConnectorTests : IAsyncLifetime
{
    private const string Token = "00Dxx0000000001!AQ0AQ";
    private LocalApiServer _salesforce = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _salesforce = await LocalApiServer.StartAsync(_ => ApiResponse.Json(201, """{"id":"00T000000000001AAA","success":true,"errors":[]}"""));
        _services = Connectors.Build(
            ("Pql:Crm:Salesforce:InstanceUrl", _salesforce.BaseUrl.ToString()),
            ("Pql:Crm:Salesforce:AccessToken", Token),
            ("Pql:Crm:Salesforce:ApiVersion", "v60.0"));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _salesforce.DisposeAsync();
    }

    private ICrmConnector Salesforce => Assert.Single(_services.GetServices<ICrmConnector>());

    [Fact]
    public async Task Task_is_posted_to_the_sobjects_endpoint_with_a_bearer_token_and_returns_the_task_id()
    {
        var result = await Salesforce.CreateTaskAsync(Leads.Task(), CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered("salesforce", "00T000000000001AAA", 201), result);
        var request = Assert.Single(_salesforce.Requests);
        Assert.Equal(("POST", "/services/data/v60.0/sobjects/Task"), (request.Method, request.Path));
        Assert.Equal($"Bearer {Token}", request.Header("authorization"));
        Assert.StartsWith("application/json", request.Header("content-type"));
    }

    [Fact]
    public async Task Task_fields_have_the_documented_names_and_types()
    {
        await Salesforce.CreateTaskAsync(Leads.Task(), CancellationToken.None);

        var body = JsonNode.Parse(_salesforce.Requests.Single().Body)!.AsObject();
        string Text(string field) => body[field]!.GetValue<string>();

        Assert.All(body, field => Assert.Contains(field.Key, (string[])["Subject", "OwnerId", "WhoId", "WhatId", "ActivityDate", "Priority", "Status", "Description", "IsReminderSet", "ReminderDateTime"]));
        Assert.Equal("PQL sales-ready: Acme GmbH (Jane Doe), score 95", Text("Subject"));
        Assert.Equal("005000000000011AAA", Text("OwnerId"));
        Assert.Equal("003000000000001AAA", Text("WhoId"));
        Assert.Equal("001000000000001AAA", Text("WhatId"));
        Assert.Equal("2026-01-07", Text("ActivityDate"));
        Assert.Equal("High", Text("Priority"));
        Assert.Equal("Not Started", Text("Status"));
        Assert.Contains("Suggested opening: Hi Jane", Text("Description"));
        Assert.Equal(JsonValueKind.True, body["IsReminderSet"]!.GetValueKind());
        Assert.Equal("2026-01-07T15:15:00.000Z", Text("ReminderDateTime"));
    }

    [Fact]
    public async Task Salesforce_error_array_becomes_a_permanent_failure_with_its_codes()
    {
        _salesforce.Respond = _ => ApiResponse.Json(400, """[{"message":"Owner ID: owner cannot be blank","errorCode":"REQUIRED_FIELD_MISSING","fields":["OwnerId"]}]""");

        var result = await Salesforce.CreateTaskAsync(Leads.Task(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Equal("Salesforce: REQUIRED_FIELD_MISSING: Owner ID: owner cannot be blank (fields: OwnerId)", result.Message);
    }

    [Fact]
    public async Task Created_response_without_success_is_not_taken_as_delivered()
    {
        _salesforce.Respond = _ => ApiResponse.Json(201, """{"id":"","success":false,"errors":[{"statusCode":"FIELD_INTEGRITY_EXCEPTION","message":"bad WhatId","fields":["WhatId"]}]}""");

        var result = await Salesforce.CreateTaskAsync(Leads.Task(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("FIELD_INTEGRITY_EXCEPTION: bad WhatId", result.Message);
    }

    [Fact]
    public async Task Expired_session_is_permanent_and_names_the_setting()
    {
        _salesforce.Respond = _ => ApiResponse.Json(401, """[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""");

        var result = await Salesforce.CreateTaskAsync(Leads.Task(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("INVALID_SESSION_ID", result.Message);
        Assert.Contains("Pql:Crm:Salesforce:AccessToken", result.Message);
    }

    [Fact]
    public async Task Unavailable_salesforce_is_retryable_and_the_post_is_sent_once()
    {
        _salesforce.Respond = _ => ApiResponse.Json(503, """[{"message":"Server unavailable","errorCode":"SERVER_UNAVAILABLE"}]""");

        var result = await Salesforce.CreateTaskAsync(Leads.Task(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retryable, result.Outcome);
        Assert.Single(_salesforce.Requests);
    }

    [Fact]
    public async Task Completing_a_task_patches_its_status_and_accepts_no_content()
    {
        _salesforce.Respond = _ => new ApiResponse(204, string.Empty);

        var result = await Salesforce.CompleteTaskAsync("00T000000000001AAA", CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered("salesforce", "00T000000000001AAA", 204), result);
        var request = _salesforce.Requests.Single();
        Assert.Equal(("PATCH", "/services/data/v60.0/sobjects/Task/00T000000000001AAA"), (request.Method, request.Path));
        Assert.Equal("""{"Status":"Completed"}""", request.Body);
    }

    [Fact]
    public async Task Activity_on_an_existing_record_is_logged_as_a_completed_task()
    {
        var result = await Salesforce.LogNoteAsync(Leads.Note(), CancellationToken.None);

        Assert.True(result.IsDelivered);
        var body = JsonNode.Parse(_salesforce.Requests.Single().Body)!;
        Assert.Equal("Completed", body["Status"]!.GetValue<string>());
        Assert.Equal("001000000000001AAA", body["WhatId"]!.GetValue<string>());
        Assert.Equal("Re-qualified: score 95 (sales-ready)", body["Subject"]!.GetValue<string>());
    }
}
