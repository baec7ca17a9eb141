using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PqlGrains.Testing.Fakes;

/// <summary>
/// HubSpot CRM v3 tasks and notes plus a Slack incoming webhook, on Kestrel at 127.0.0.1 with a free port. Every
/// request body is checked against the official OpenAPI files in ../shared/specs (and tasks/notes must carry
/// hs_timestamp); a request that does not conform is answered 400 and listed in <see cref="Violations"/>.
/// <see cref="FailNextTaskCreates"/> scripts an outage (500/429) for task creation.
/// </summary>
public sealed class FakeHubSpotServer : IAsyncDisposable
{
    public const string AccessToken = "pat-test-token";
    private const string TasksSpec = "hubspot-crm-tasks-v3.openapi.json";
    private const string NotesSpec = "hubspot-crm-notes-v3.openapi.json";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<int> _taskFailures = new();
    private int _sequence;
    private int _failedAnswers;

    private FakeHubSpotServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri SlackWebhookUrl => new(BaseUrl, "slack/webhook");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> Tasks => [.. _requests.Where(request => request.Method == "POST" && request.Path == "/crm/v3/objects/tasks")];

    public IReadOnlyList<RecordedRequest> Notes => [.. _requests.Where(request => request.Path == "/crm/v3/objects/notes")];

    public IReadOnlyList<RecordedRequest> CompletedTasks => [.. _requests.Where(request => request.Method == "PATCH")];

    public IReadOnlyList<RecordedRequest> SlackMessages => [.. _requests.Where(request => request.Path == "/slack/webhook")];

    public IReadOnlyList<string> Violations => [.. _violations];

    /// <summary>Error answers given so far (the scripted outage).</summary>
    public int FailedAnswers => _failedAnswers;

    public static async Task<FakeHubSpotServer> StartAsync()
    {
        FakeHubSpotServer? server = null;
        var (app, baseUrl) = await LoopbackWebApp.StartAsync(app =>
        {
            app.MapPost("/crm/v3/objects/tasks", context => server!.CreateAsync(context, TasksSpec, "task"));
            app.MapPost("/crm/v3/objects/notes", context => server!.CreateAsync(context, NotesSpec, "note"));
            app.MapPatch("/crm/v3/objects/tasks/{id}", context => server!.UpdateAsync(context));
            app.MapPost("/slack/webhook", context => server!.SlackAsync(context));
        });
        server = new FakeHubSpotServer(app) { BaseUrl = baseUrl };
        return server;
    }

    /// <summary>The next <paramref name="count"/> task creations are answered with <paramref name="statusCode"/> and create nothing.</summary>
    public void FailNextTaskCreates(int count, HttpStatusCode statusCode)
    {
        for (var i = 0; i < count; i++)
        {
            _taskFailures.Enqueue((int)statusCode);
        }
    }

    /// <summary>Ends a scripted outage: task creations succeed again.</summary>
    public void StopFailing() => _taskFailures.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task CreateAsync(HttpContext context, string spec, string kind)
    {
        var body = await ReadAsync(context, spec, "SimplePublicObjectInputForCreate");
        if (body is null)
        {
            return;
        }

        if (body["properties"]?["hs_timestamp"] is null)
        {
            await RejectAsync(context, $"{kind}: properties.hs_timestamp is required");
            return;
        }

        if (kind == "task" && _taskFailures.TryDequeue(out var failure))
        {
            Interlocked.Increment(ref _failedAnswers);
            context.Response.StatusCode = failure;
            if (failure == StatusCodes.Status429TooManyRequests)
            {
                context.Response.Headers.RetryAfter = "0";
            }

            await context.Response.WriteAsJsonAsync(new { status = "error", message = "scripted outage", category = failure == 429 ? "RATE_LIMITS" : "INTERNAL_ERROR" });
            return;
        }

        var id = $"{kind}-{Interlocked.Increment(ref _sequence)}";
        _requests.Enqueue(new RecordedRequest("POST", context.Request.Path, body, id, DateTimeOffset.UtcNow));
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(new { id, properties = body["properties"], createdAt = DateTimeOffset.UtcNow, updatedAt = DateTimeOffset.UtcNow, archived = false });
    }

    private async Task UpdateAsync(HttpContext context)
    {
        var body = await ReadAsync(context, TasksSpec, "SimplePublicObjectInput");
        if (body is null)
        {
            return;
        }

        var id = (string)context.Request.RouteValues["id"]!;
        _requests.Enqueue(new RecordedRequest("PATCH", context.Request.Path, body, id, DateTimeOffset.UtcNow));
        await context.Response.WriteAsJsonAsync(new { id, properties = body["properties"], createdAt = DateTimeOffset.UtcNow, updatedAt = DateTimeOffset.UtcNow, archived = false });
    }

    private async Task SlackAsync(HttpContext context)
    {
        var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject;
        if (body?["blocks"] is not JsonArray)
        {
            await RejectAsync(context, "slack: a Block Kit message needs a blocks array");
            return;
        }

        _requests.Enqueue(new RecordedRequest("POST", context.Request.Path, body, null, DateTimeOffset.UtcNow));
        await context.Response.WriteAsync("ok");
    }

    private async Task<JsonObject?> ReadAsync(HttpContext context, string spec, string schema)
    {
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {AccessToken}")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            _violations.Enqueue($"{context.Request.Method} {context.Request.Path}: missing or wrong bearer token");
            return null;
        }

        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
        IReadOnlyList<string> errors;
        try
        {
            errors = await OpenApiSchemas.ValidateAsync(spec, schema, text);
        }
        catch (Exception exception)
        {
            errors = [$"validator failed: {exception}"];
        }

        if (errors.Count > 0)
        {
            await RejectAsync(context, $"{context.Request.Method} {context.Request.Path} does not match {schema}: {string.Join("; ", errors)}");
            return null;
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task RejectAsync(HttpContext context, string problem)
    {
        _violations.Enqueue(problem);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.Response.WriteAsJsonAsync(new { status = "error", message = problem, category = "VALIDATION_ERROR" });
    }
}
