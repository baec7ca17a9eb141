using System.Text.Json;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Silo.Api;

/// <summary>
/// CRM task-completion callbacks: a completed task records contact on its lead (found by the task id the outbox
/// remembered). Signature-verified instead of the admin token, because the CRM calls them.
/// </summary>
public static class LeadsCrmCallbackEndpoints
{
    public static IEndpointRouteBuilder MapLeadsCrmCallbacks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/crm/hubspot/events", HubSpotAsync);
        endpoints.MapPost("/api/crm/salesforce/events", SalesforceAsync);
        return endpoints;
    }

    /// <summary>HubSpot webhook v3: an array of events; <c>hs_task_status</c> changes to COMPLETED count as contact.</summary>
    private static async Task<IResult> HubSpotAsync(HttpRequest request, IOptions<LeadsCallbackOptions> options, IGrainFactory grains, TimeProvider time)
    {
        if (options.Value.HubSpotAppSecret is not { Length: > 0 } secret)
        {
            return NotConfigured("Pql:Crm:HubSpot:AppSecret", "the HubSpot app's client secret");
        }

        var body = await ReadAsync(request);
        var timestamp = request.Headers["X-HubSpot-Request-Timestamp"].ToString();
        var uri = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        if (LeadsCallbackSignatures.Stale(timestamp, milliseconds: true, time.GetUtcNow(), options.Value.MaxAge) is { } stale)
        {
            return Unauthorized(stale);
        }

        if (!LeadsCallbackSignatures.Matches(LeadsCallbackSignatures.HubSpotV3(secret, request.Method, uri, body, timestamp), request.Headers["X-HubSpot-Signature-v3"].ToString()))
        {
            return Unauthorized($"X-HubSpot-Signature-v3 does not match HMAC-SHA256 over method + {uri} + body + timestamp with Pql:Crm:HubSpot:AppSecret");
        }

        var completed = new List<(string TaskId, DateTimeOffset At)>();
        foreach (var item in JsonDocument.Parse(body).RootElement.EnumerateArray())
        {
            if (item.TryGetProperty("propertyName", out var name) && name.GetString() == "hs_task_status"
                && item.TryGetProperty("propertyValue", out var value) && value.GetString() == "COMPLETED"
                && item.TryGetProperty("objectId", out var id))
            {
                var at = item.TryGetProperty("occurredAt", out var occurred) ? DateTimeOffset.FromUnixTimeMilliseconds(occurred.GetInt64()) : time.GetUtcNow();
                completed.Add((id.ToString(), at));
            }
        }

        return Results.Json(new { contacted = await RecordAsync(grains, "hubspot", completed) }, LeadsJson.Options);
    }

    /// <summary>Salesforce: <c>{"tasks":[{"id":"00T…","status":"Completed","completedAt":"…"}]}</c>, signed with our scheme.</summary>
    private static async Task<IResult> SalesforceAsync(HttpRequest request, IOptions<LeadsCallbackOptions> options, IGrainFactory grains, TimeProvider time)
    {
        if (options.Value.SalesforceSecret is not { Length: > 0 } secret)
        {
            return NotConfigured("Pql:Crm:Salesforce:CallbackSecret", "a random shared secret also set in the Salesforce flow that calls back");
        }

        var body = await ReadAsync(request);
        var timestamp = request.Headers["X-Pql-Timestamp"].ToString();
        if (LeadsCallbackSignatures.Stale(timestamp, milliseconds: false, time.GetUtcNow(), options.Value.MaxAge) is { } stale)
        {
            return Unauthorized(stale);
        }

        if (!LeadsCallbackSignatures.Matches(LeadsCallbackSignatures.Salesforce(secret, timestamp, body), request.Headers["X-Pql-Signature"].ToString()))
        {
            return Unauthorized("X-Pql-Signature does not match v1=hex(HMAC-SHA256(Pql:Crm:Salesforce:CallbackSecret, timestamp + \".\" + body))");
        }

        var completed = new List<(string TaskId, DateTimeOffset At)>();
        if (JsonDocument.Parse(body).RootElement.TryGetProperty("tasks", out var tasks))
        {
            foreach (var task in tasks.EnumerateArray())
            {
                if (task.TryGetProperty("status", out var status) && status.GetString() == "Completed" && task.TryGetProperty("id", out var id))
                {
                    var at = task.TryGetProperty("completedAt", out var when) && when.TryGetDateTimeOffset(out var parsed) ? parsed : time.GetUtcNow();
                    completed.Add((id.GetString()!, at));
                }
            }
        }

        return Results.Json(new { contacted = await RecordAsync(grains, "salesforce", completed) }, LeadsJson.Options);
    }

    private static async Task<List<string>> RecordAsync(IGrainFactory grains, string connector, List<(string TaskId, DateTimeOffset At)> completed)
    {
        var leads = new List<string>();
        foreach (var (taskId, at) in completed)
        {
            if (await grains.GetGrain<ICrmTaskIndexGrain>($"{connector}:{taskId}").LeadId() is { } leadId && LeadKeys.SubjectOfLead(leadId) is { } subject)
            {
                var result = await grains.GetGrain<ILeadGrain>(subject).RecordContact(leadId, new ContactReport(connector, at, taskId));
                if (result.Applied)
                {
                    leads.Add(leadId);
                }
            }
        }

        return leads;
    }

    private static async Task<string> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    private static IResult Unauthorized(string why) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Callback signature rejected", detail: why);

    private static IResult NotConfigured(string key, string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Callback not configured", detail: $"Set {key} ({what}) to accept these callbacks.");
}
