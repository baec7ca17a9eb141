using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Abstractions.Definitions;
using PqlGrains.Grains.Definitions;

namespace PqlGrains.Silo.Api;

/// <summary>The definitions API: versions, activation and rollback, shadows and their reports, the audit.</summary>
public static class DefinitionEndpoints
{
    private const int MaxYamlBytes = 1024 * 1024;
    private const int MaxPage = 500;
    private const string DefaultFileName = "definition.yaml";

    /// <summary>
    /// Maps <c>/api/definitions</c> guarded by <c>Pql:Api:AdminToken</c> (Bearer). Changes are audited under the
    /// <c>X-Pql-Actor</c> header, or the token's fingerprint when it is absent.
    /// </summary>
    public static IEndpointRouteBuilder MapPqlDefinitions(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/definitions").AddEndpointFilter<ApiTokenFilter>();
        api.MapPost("/", SubmitAsync);
        api.MapGet("/", CatalogAsync);
        api.MapGet("/audit", AuditAsync);
        api.MapGet("/{version}", GetAsync);
        api.MapPost("/{version}/activate", (string version, HttpContext context, IGrainFactory grains) =>
            ChangeAsync(context, grains.GetGrain<IDefinitionRegistryGrain>(IDefinitionRegistryGrain.Key).Activate(version, DefinitionActor.Of(context))));
        api.MapPost("/{version}/shadow", (string version, HttpContext context, IGrainFactory grains) =>
            ChangeAsync(context, grains.GetGrain<IDefinitionRegistryGrain>(IDefinitionRegistryGrain.Key).StartShadow(version, DefinitionActor.Of(context))));
        api.MapDelete("/{version}/shadow", (string version, HttpContext context, IGrainFactory grains) =>
            ChangeAsync(context, grains.GetGrain<IDefinitionRegistryGrain>(IDefinitionRegistryGrain.Key).StopShadow(version, DefinitionActor.Of(context))));
        api.MapGet("/{version}/report", ReportAsync);
        return endpoints;
    }

    /// <summary>Options for the definitions API (<c>Pql:Api:AdminToken</c>, shared with the other APIs).</summary>
    public static IServiceCollection AddPqlDefinitionsApi(this IServiceCollection services)
    {
        services.AddOptions<PqlApiOptions>().BindConfiguration(PqlApiOptions.SectionName);
        return services;
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, IGrainFactory grains, string? file)
    {
        if (context.Request.ContentLength > MaxYamlBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Definition too large", $"Definitions are limited to {MaxYamlBytes / 1024} KiB of YAML.");
        }

        string yaml;
        using (var reader = new StreamReader(context.Request.Body))
        {
            yaml = await reader.ReadToEndAsync(context.RequestAborted);
        }

        if (string.IsNullOrWhiteSpace(yaml))
        {
            return Problem(StatusCodes.Status400BadRequest, "Empty definition", "Send the definition YAML as the request body (Content-Type: application/yaml), e.g. curl --data-binary @definition.yaml.");
        }

        var registry = grains.GetGrain<IDefinitionRegistryGrain>(IDefinitionRegistryGrain.Key);
        var result = await registry.Submit(yaml, string.IsNullOrWhiteSpace(file) ? DefaultFileName : file, DefinitionActor.Of(context));
        return result.Outcome == DefinitionOutcome.Changed
            ? Results.Json(result, LeadsJson.Options, statusCode: StatusCodes.Status201Created)
            : await ToResultAsync(context, result);
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, Task<DefinitionChangeResult> change) =>
        await ToResultAsync(context, await change);

    private static async Task<IResult> ToResultAsync(HttpContext context, DefinitionChangeResult result)
    {
        if (result.Outcome == DefinitionOutcome.Changed && context.RequestServices.GetService<ActiveDefinitions>() is { } local)
        {
            // The silo hosting the registry applied the change already; this one follows now instead of at its next poll.
            await local.RefreshAsync(context.RequestAborted);
        }

        return result.Outcome switch
        {
            DefinitionOutcome.Changed or DefinitionOutcome.Unchanged => Results.Json(result, LeadsJson.Options),
            DefinitionOutcome.Invalid => Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid definition",
                detail: result.Message + Environment.NewLine + string.Join(Environment.NewLine, result.Problems.Select(problem => problem.Text)),
                extensions: new Dictionary<string, object?> { ["diagnostics"] = result.Problems }),
            DefinitionOutcome.NotFound => Problem(StatusCodes.Status404NotFound, "Unknown definition version", result.Message),
            _ => Problem(StatusCodes.Status409Conflict, "Definition conflict", result.Message),
        };
    }

    private static async Task<IResult> CatalogAsync(IGrainFactory grains) =>
        Results.Json(await grains.GetGrain<IDefinitionRegistryGrain>(IDefinitionRegistryGrain.Key).GetCatalog(), LeadsJson.Options);

    private static async Task<IResult> GetAsync(string version, IGrainFactory grains) =>
        await grains.GetGrain<IDefinitionRegistryGrain>(IDefinitionRegistryGrain.Key).Get(version) is { } document
            ? Results.Json(document, LeadsJson.Options)
            : UnknownVersion(version);

    private static async Task<IResult> AuditAsync(int? offset, int? limit, IGrainFactory grains)
    {
        if (offset < 0 || limit is < 1 or > MaxPage)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid page", $"offset must be 0 or more and limit between 1 and {MaxPage}.");
        }

        return Results.Json(await grains.GetGrain<IDefinitionRegistryGrain>(IDefinitionRegistryGrain.Key).Audit(offset ?? 0, limit ?? 50), LeadsJson.Options);
    }

    private static async Task<IResult> ReportAsync(string version, IGrainFactory grains)
    {
        if (await grains.GetGrain<IDefinitionRegistryGrain>(IDefinitionRegistryGrain.Key).Get(version) is null)
        {
            return UnknownVersion(version);
        }

        var report = await grains.GetGrain<IShadowLedgerGrain>(version).Report();
        return report.StartedAt is null
            ? Problem(StatusCodes.Status404NotFound, "Never shadowed", $"Version {version} never ran in shadow, so there is nothing to compare; start it with POST /api/definitions/{version}/shadow.")
            : Results.Json(report, LeadsJson.Options);
    }

    private static IResult UnknownVersion(string version) =>
        Problem(StatusCodes.Status404NotFound, "Unknown definition version", $"No definition version '{version}' was submitted; list versions with GET /api/definitions.");

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
