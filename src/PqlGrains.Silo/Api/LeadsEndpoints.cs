using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Silo.Api;

/// <summary>The leads API: listing, lead detail, contact, feedback, conversions (record and list), CRM links, routing, dead letters.</summary>
public static class LeadsEndpoints
{
    private const int MaxPage = 200;

    /// <summary>
    /// Maps the leads API under <c>/api</c>, guarded by <c>Pql:Api:AdminToken</c> (Bearer; embedded default
    /// dev-admin-token), and the signature-verified CRM callbacks under <c>/api/crm</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapLeadsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").AddEndpointFilter<ApiTokenFilter>();
        api.MapGet("/leads", ListAsync);
        api.MapGet("/leads/{leadId}", GetAsync);
        api.MapPost("/leads/{leadId}/contacted", ContactedAsync);
        api.MapPost("/leads/{leadId}/feedback", FeedbackAsync);
        api.MapPost("/conversions", ConversionAsync);
        api.MapGet("/conversions", ConversionsAsync);
        api.MapPut("/crm-links/{subject}", LinkAsync);
        api.MapGet("/routing", GetRoutingAsync);
        api.MapPut("/routing", PutRoutingAsync);
        api.MapGet("/outbox/dead-letters", DeadLettersAsync);
        endpoints.MapLeadsCrmCallbacks();
        return endpoints;
    }

    /// <summary>Options for the leads API: <c>Pql:Api</c> (admin token) and the CRM callback secrets.</summary>
    public static IServiceCollection AddPqlLeadsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PqlApiOptions>().BindConfiguration(PqlApiOptions.SectionName);
        services.AddOptions<LeadsCallbackOptions>().Configure(options => LeadsCallbackOptions.Bind(options, configuration));
        return services;
    }

    private static async Task<IResult> ListAsync(string? status, int? offset, int? limit, IGrainFactory grains)
    {
        if (status is not (null or "open" or "all"))
        {
            return Problem(StatusCodes.Status400BadRequest, "Unknown status filter", $"status must be open or all, not '{status}'.");
        }

        if (InvalidPage(offset, limit) is { } invalid)
        {
            return invalid;
        }

        var page = await grains.GetGrain<ILeadRegistryGrain>(ILeadRegistryGrain.Key).List(status != "all", offset ?? 0, limit ?? 50);
        return Results.Json(page, LeadsJson.Options);
    }

    private static async Task<IResult> GetAsync(string leadId, IGrainFactory grains) =>
        LeadKeys.SubjectOfLead(leadId) is { } subject && await grains.GetGrain<ILeadGrain>(subject).Get(leadId) is { } lead
            ? Results.Json(lead, LeadsJson.Options)
            : UnknownLead(leadId);

    private static async Task<IResult> ContactedAsync(string leadId, LeadsContactRequest? request, IGrainFactory grains, TimeProvider time)
    {
        if (LeadKeys.SubjectOfLead(leadId) is not { } subject)
        {
            return UnknownLead(leadId);
        }

        var result = await grains.GetGrain<ILeadGrain>(subject).RecordContact(leadId, new ContactReport("api", request?.At ?? time.GetUtcNow()));
        return Outcome(leadId, result);
    }

    private static async Task<IResult> FeedbackAsync(string leadId, LeadsFeedbackRequest request, IGrainFactory grains, TimeProvider time)
    {
        LeadFeedbackKind? kind = request.Verdict switch
        {
            "good" => LeadFeedbackKind.Good,
            "too_early" => LeadFeedbackKind.TooEarly,
            "not_a_fit" => LeadFeedbackKind.NotAFit,
            _ => null,
        };
        if (kind is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Unknown verdict", $"verdict must be good, too_early or not_a_fit, not '{request.Verdict}'.");
        }

        if (LeadKeys.SubjectOfLead(leadId) is not { } subject)
        {
            return UnknownLead(leadId);
        }

        var result = await grains.GetGrain<ILeadGrain>(subject).RecordFeedback(leadId, new LeadFeedback(kind.Value, request.Note, time.GetUtcNow()));
        return Outcome(leadId, result);
    }

    private static async Task<IResult> ConversionAsync(LeadsConversionRequest request, IGrainFactory grains, TimeProvider time)
    {
        if ((request.AccountId is null) == (request.UserId is null) || request.Amount is not { } amount || amount < 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid conversion", "Send exactly one of accountId or userId, and amount (0 or more); at (ISO 8601) is optional, default now.");
        }

        var subject = request.AccountId is { } account ? LeadKeys.Account(account) : LeadKeys.User(request.UserId!);
        var conversion = await grains.GetGrain<ILeadGrain>(subject).RecordConversion(amount, request.At ?? time.GetUtcNow());
        return Results.Json(conversion, LeadsJson.Options);
    }

    private static async Task<IResult> ConversionsAsync(int? offset, int? limit, IGrainFactory grains)
    {
        if (InvalidPage(offset, limit) is { } invalid)
        {
            return invalid;
        }

        var conversions = await grains.GetGrain<ILeadRegistryGrain>(ILeadRegistryGrain.Key).Conversions(offset ?? 0, limit ?? 50);
        return Results.Json(conversions, LeadsJson.Options);
    }

    private static async Task<IResult> LinkAsync(string subject, LeadsCrmLinksRequest request, IGrainFactory grains)
    {
        if (LeadKeys.ParseSubject(subject) is not { } key)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid subject", $"'{subject}' is not account:<accountId> or user:<userId>.");
        }

        var links = new CrmLinks(request.HubSpotContactId, request.HubSpotCompanyId, request.HubSpotDealId, request.SalesforceWhoId, request.SalesforceWhatId, request.OpenOpportunity);
        await grains.GetGrain<ILeadGrain>(key).LinkCrmRecords(links);
        return Results.Json(links, LeadsJson.Options);
    }

    private static async Task<IResult> GetRoutingAsync(HttpContext context, IGrainFactory grains)
    {
        var document = await grains.GetGrain<IRoutingGrain>(IRoutingGrain.Key).Get();
        context.Response.Headers["X-Routing-Revision"] = document.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["X-Routing-Source"] = document.Source;
        return Results.Text(document.Text, "application/yaml");
    }

    private static async Task<IResult> PutRoutingAsync(HttpRequest request, IGrainFactory grains)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var result = await grains.GetGrain<IRoutingGrain>(IRoutingGrain.Key).Replace(text, "PUT /api/routing");
        return result.Document is { } document
            ? Results.Json(new { document.Revision, document.Source, document.UpdatedAt }, LeadsJson.Options)
            : Results.Json(new { title = "Routing file rejected; the previous one stays in force", errors = result.Errors }, LeadsJson.Options, statusCode: StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> DeadLettersAsync(int? offset, int? limit, IGrainFactory grains)
    {
        if (InvalidPage(offset, limit) is { } invalid)
        {
            return invalid;
        }

        var letters = await grains.GetGrain<ILeadRegistryGrain>(ILeadRegistryGrain.Key).DeadLetters(offset ?? 0, limit ?? 50);
        return Results.Json(letters, LeadsJson.Options);
    }

    private static IResult Outcome(string leadId, LeadCommandResult result) => result switch
    {
        { Lead: null } => UnknownLead(leadId),
        { Rejection: { } rejection } => Problem(StatusCodes.Status409Conflict, "Lead is closed", rejection),
        _ => Results.Json(result.Lead, LeadsJson.Options),
    };

    private static IResult? InvalidPage(int? offset, int? limit) => offset < 0 || limit is < 1 or > MaxPage
        ? Problem(StatusCodes.Status400BadRequest, "Invalid page", $"offset must be 0 or more and limit between 1 and {MaxPage}.")
        : null;

    private static IResult UnknownLead(string leadId) =>
        Problem(StatusCodes.Status404NotFound, "Unknown lead", $"No lead '{leadId}'. Lead ids look like account:<accountId>~<n> or user:<userId>~<n>; list them with GET /api/leads?status=all.");

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
