using PqlGrains.Abstractions.Privacy;

namespace PqlGrains.Silo.Api;

/// <summary>Erasure on request, its audit, and an on-demand retention sweep.</summary>
public static class PrivacyEndpoints
{
    /// <summary>Free text naming who asked (a ticket or staff id); never the subject's own data.</summary>
    public const string RequestedByHeader = "X-Requested-By";

    private const int MaxRequestedByLength = 200;

    /// <summary>
    /// Maps <c>DELETE /api/users/{userId}</c> (200 with what was erased, 404 unknown), <c>GET /api/admin/erasures?limit=N</c>
    /// (the audit, newest first) and <c>POST /api/admin/retention/sweep</c>, guarded by <c>Pql:Api:AdminToken</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapPqlPrivacy(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").AddEndpointFilter<ApiTokenFilter>();
        api.MapDelete("/users/{userId}", EraseAsync);
        api.MapGet("/admin/erasures", (int? limit, IGrainFactory grains) => grains.GetGrain<IErasureAuditGrain>(0).Latest(Math.Clamp(limit ?? 100, 1, 1000)));
        api.MapPost("/admin/retention/sweep", (IGrainFactory grains) => grains.GetGrain<IEventRetentionGrain>(0).Sweep());
        return endpoints;
    }

    private static async Task<IResult> EraseAsync(string userId, HttpRequest request, IGrainFactory grains)
    {
        var requestedBy = request.Headers[RequestedByHeader].ToString().Trim();
        if (requestedBy.Length > MaxRequestedByLength)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: $"{RequestedByHeader} too long",
                detail: $"Send at most {MaxRequestedByLength} characters naming who asked (a ticket or staff id), not the person's data.");
        }

        var report = await grains.GetGrain<IErasureGrain>(userId).Erase(requestedBy.Length == 0 ? "admin-token" : requestedBy);
        return report.Known
            ? Results.Ok(ErasureResponse.From(userId, report))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown user", detail: $"Nothing is held for user '{userId}': no event, no lead names them (already erased, or never ingested). User ids are Segment userIds (or anonymousIds), case-sensitive.");
    }
}
