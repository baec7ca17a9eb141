using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PqlGrains.Testing.Fakes;

/// <summary>
/// The Salesforce REST API's Task sObject on Kestrel at 127.0.0.1 (create: <c>POST /services/data/vXX.X/sobjects/Task</c>,
/// update: <c>PATCH …/Task/{id}</c>), checking each request as the REST API Developer Guide and the Object Reference
/// describe it: OAuth bearer token, a JSON object whose keys are Task fields, ids of the right object (OwnerId a
/// User 005, WhoId a Contact 003 or Lead 00Q), ActivityDate a date, Priority and Status picklist values, Subject and
/// Description within their lengths. A request that does not conform is answered the way Salesforce answers it (401 or
/// 400 with an error array) and listed in <see cref="Violations"/>. <see cref="FailTaskCreates"/> scripts an outage.
/// </summary>
public sealed partial class FakeSalesforceServer : IAsyncDisposable
{
    public const string AccessToken = "00D000000000001!AQ4AQ.fake";
    public const string ApiVersion = "v60.0";
    public static readonly string[] Priorities = ["High", "Normal", "Low"];
    public static readonly string[] Statuses = ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"];

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "Subject", "OwnerId", "WhoId", "WhatId", "ActivityDate", "Priority", "Status", "Description", "IsReminderSet", "ReminderDateTime",
    };

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private int _sequence;
    private int _failuresLeft;
    private int _failedAnswers;

    private FakeSalesforceServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        InstanceUrl = baseUrl;
    }

    /// <summary>What <c>Pql:Crm:Salesforce:InstanceUrl</c> points at.</summary>
    public Uri InstanceUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Tasks created with an open status: what a rep sees as work to do.</summary>
    public IReadOnlyList<RecordedRequest> OpenTasks => [.. Created.Where(request => Field(request, "Status") != "Completed")];

    /// <summary>Completed Tasks created on a record: how Salesforce logs an activity.</summary>
    public IReadOnlyList<RecordedRequest> LoggedActivities => [.. Created.Where(request => Field(request, "Status") == "Completed")];

    public IReadOnlyList<RecordedRequest> Updates => [.. _requests.Where(request => request.Method == "PATCH")];

    public IReadOnlyList<string> Violations => [.. _violations];

    /// <summary>Task creations answered with a scripted error so far.</summary>
    public int FailedAnswers => _failedAnswers;

    private IEnumerable<RecordedRequest> Created => _requests.Where(request => request.Method == "POST");

    public static string? Field(RecordedRequest request, string name) =>
        request.Body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static async Task<FakeSalesforceServer> StartAsync()
    {
        FakeSalesforceServer? server = null;
        var (app, baseUrl) = await LoopbackWebApp.StartAsync(app =>
        {
            app.MapPost("/services/data/{version}/sobjects/Task", context => server!.CreateAsync(context));
            app.MapPatch("/services/data/{version}/sobjects/Task/{id}", context => server!.UpdateAsync(context));
        });
        server = new FakeSalesforceServer(app, baseUrl);
        return server;
    }

    /// <summary>The next <paramref name="count"/> task creations answer 503 SERVER_UNAVAILABLE (int.MaxValue: until <see cref="StopFailing"/>).</summary>
    public void FailTaskCreates(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public void StopFailing() => Interlocked.Exchange(ref _failuresLeft, 0);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task CreateAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        if (body is null)
        {
            return;
        }

        if (Volatile.Read(ref _failuresLeft) > 0)
        {
            Interlocked.Decrement(ref _failuresLeft);
            Interlocked.Increment(ref _failedAnswers);
            await AnswerAsync(context, HttpStatusCode.ServiceUnavailable, "SERVER_UNAVAILABLE", "scripted outage", null);
            return;
        }

        var id = $"00T{Interlocked.Increment(ref _sequence):D12}AAA";
        _requests.Enqueue(new RecordedRequest("POST", context.Request.Path, body, id, DateTimeOffset.UtcNow));
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(new { id, success = true, errors = Array.Empty<object>() });
    }

    private async Task UpdateAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        if (body is null)
        {
            return;
        }

        var id = (string)context.Request.RouteValues["id"]!;
        if (!_requests.Any(request => request.CreatedId == id))
        {
            await RejectAsync(context, HttpStatusCode.NotFound, "NOT_FOUND", $"PATCH of unknown Task {id}", null);
            return;
        }

        _requests.Enqueue(new RecordedRequest("PATCH", context.Request.Path, body, id, DateTimeOffset.UtcNow));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task<JsonObject?> ReadAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {AccessToken}")
        {
            await RejectAsync(context, HttpStatusCode.Unauthorized, "INVALID_SESSION_ID", "Session expired or invalid", null);
            return null;
        }

        if ((string?)context.Request.RouteValues["version"] != ApiVersion)
        {
            await RejectAsync(context, HttpStatusCode.NotFound, "NOT_FOUND", $"The requested resource does not exist (API version {context.Request.RouteValues["version"]}, expected {ApiVersion})", null);
            return null;
        }

        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            await RejectAsync(context, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", $"Content-Type {context.Request.ContentType} is not application/json", null);
            return null;
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject;
        }
        catch (JsonException exception)
        {
            body = null;
            _violations.Enqueue($"body is not JSON: {exception.Message}");
        }

        if (body is null)
        {
            await RejectAsync(context, HttpStatusCode.BadRequest, "JSON_PARSER_ERROR", "the body must be a JSON object of Task fields", null);
            return null;
        }

        var creating = context.Request.Method == HttpMethods.Post;
        if (Problem(body, creating) is { } problem)
        {
            await RejectAsync(context, HttpStatusCode.BadRequest, problem.Code, problem.Message, problem.Field);
            return null;
        }

        return body;
    }

    /// <summary>The first way the body breaks the Task sObject's documented fields, or null.</summary>
    private static (string Code, string Message, string? Field)? Problem(JsonObject body, bool creating)
    {
        foreach (var (name, _) in body)
        {
            if (!Fields.Contains(name))
            {
                return ("INVALID_FIELD", $"No such column '{name}' on sobject of type Task", name);
            }
        }

        if (creating)
        {
            foreach (var required in (string[])["Subject", "OwnerId", "ActivityDate", "Priority", "Status", "Description"])
            {
                if (Text(body, required) is not { Length: > 0 })
                {
                    return ("REQUIRED_FIELD_MISSING", $"Required fields are missing: [{required}] (a lead task always sets it)", required);
                }
            }
        }

        if (Text(body, "Subject") is { Length: > 255 })
        {
            return ("STRING_TOO_LONG", "Subject: data value too large (max length=255)", "Subject");
        }

        if (Text(body, "Description") is { Length: > 32_000 })
        {
            return ("STRING_TOO_LONG", "Description: data value too large (max length=32000)", "Description");
        }

        if (Text(body, "OwnerId") is { } owner && !IdOf(owner, "005"))
        {
            return ("FIELD_INTEGRITY_EXCEPTION", $"Assigned To ID: id value of incorrect type: {owner}", "OwnerId");
        }

        if (Text(body, "WhoId") is { } who && !IdOf(who, "003") && !IdOf(who, "00Q"))
        {
            return ("FIELD_INTEGRITY_EXCEPTION", $"Name ID: id value of incorrect type: {who}", "WhoId");
        }

        if (Text(body, "WhatId") is { } what && !IdPattern().IsMatch(what))
        {
            return ("MALFORMED_ID", $"Related To ID: invalid id: {what}", "WhatId");
        }

        if (Text(body, "ActivityDate") is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return ("INVALID_TYPE_ON_FIELD_IN_RECORD", $"Due Date Only: value not of required type: {date}", "ActivityDate");
        }

        if (Text(body, "Priority") is { } priority && !Priorities.Contains(priority))
        {
            return ("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", $"Priority: bad value for restricted picklist field: {priority}", "Priority");
        }

        if (Text(body, "Status") is { } status && !Statuses.Contains(status))
        {
            return ("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", $"Status: bad value for restricted picklist field: {status}", "Status");
        }

        if (body["IsReminderSet"] is { } reminder && reminder.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return ("JSON_PARSER_ERROR", "Cannot deserialize instance of boolean from IsReminderSet", "IsReminderSet");
        }

        if (Text(body, "ReminderDateTime") is { } at && !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return ("INVALID_TYPE_ON_FIELD_IN_RECORD", $"Reminder Date/Time: value not of required type: {at}", "ReminderDateTime");
        }

        foreach (var (name, value) in body)
        {
            if (name != "IsReminderSet" && value is not null && value.GetValueKind() != JsonValueKind.String)
            {
                return ("JSON_PARSER_ERROR", $"Cannot deserialize instance of {name} from a {value.GetValueKind()} value", name);
            }
        }

        return null;
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool IdOf(string id, string keyPrefix) => IdPattern().IsMatch(id) && id.StartsWith(keyPrefix, StringComparison.Ordinal);

    private async Task RejectAsync(HttpContext context, HttpStatusCode status, string code, string message, string? field)
    {
        _violations.Enqueue($"{context.Request.Method} {context.Request.Path}: {code} {message}");
        await AnswerAsync(context, status, code, message, field);
    }

    // Salesforce answers errors as a JSON array of {message, errorCode, fields}.
    private static async Task AnswerAsync(HttpContext context, HttpStatusCode status, string code, string message, string? field)
    {
        context.Response.StatusCode = (int)status;
        await context.Response.WriteAsJsonAsync(new[] { new { message, errorCode = code, fields = field is null ? Array.Empty<string>() : [field] } });
    }

    // Record ids are 15 (case-sensitive) or 18 (case-insensitive) alphanumeric characters.
    [GeneratedRegex("^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$")]
    private static partial Regex IdPattern();
}
