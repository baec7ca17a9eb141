using PqlGrains.Abstractions.Accounts;
using PqlGrains.Abstractions.Qualification;
using PqlGrains.Abstractions.Users;

namespace PqlGrains.Silo.Api;

/// <summary>The read API over user and account scores.</summary>
public static class ScoreReadEndpoints
{
    /// <summary>
    /// Maps <c>GET /api/users/{userId}</c>, <c>GET /api/accounts/{accountId}</c> and
    /// <c>GET /api/tier-changes?limit=N</c> (newest first, default 50), guarded by
    /// <c>Pql:Api:AdminToken</c> (Bearer). Unknown ids answer 404.
    /// </summary>
    public static IEndpointRouteBuilder MapPqlScoreReads(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").AddEndpointFilter<ApiTokenFilter>();
        api.MapGet("/users/{userId}", GetUserAsync);
        api.MapGet("/accounts/{accountId}", GetAccountAsync);
        api.MapGet("/tier-changes", (int? limit, IGrainFactory grains) => grains.GetGrain<ITierChangeFeedGrain>(0).GetLatest(Math.Clamp(limit ?? 50, 1, 500)));
        return endpoints;
    }

    /// <summary>Options for the read API, bound from <c>Pql:Api</c>.</summary>
    public static IServiceCollection AddPqlScoreReads(this IServiceCollection services)
    {
        services.AddOptions<PqlApiOptions>()
            .BindConfiguration(PqlApiOptions.SectionName)
            .Validate(options => !string.IsNullOrWhiteSpace(options.AdminToken), $"{PqlApiOptions.SectionName}:AdminToken is empty; set it to the bearer token read API callers must send.")
            .ValidateOnStart();
        return services;
    }

    private static async Task<IResult> GetUserAsync(string userId, IGrainFactory grains)
    {
        var view = await grains.GetGrain<IUserGrain>(userId).GetView();
        return view is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown user", detail: $"No event for user '{userId}' was ever ingested. User ids are Segment userIds (or anonymousIds), case-sensitive.")
            : Results.Ok(UserResponse.From(view));
    }

    private static async Task<IResult> GetAccountAsync(string accountId, IGrainFactory grains)
    {
        var view = await grains.GetGrain<IAccountGrain>(accountId).GetView();
        return view is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account", detail: $"No group call, context.groupId or company.id trait ever named account '{accountId}'. Account ids are Segment groupIds, case-sensitive.")
            : Results.Ok(AccountResponse.From(view));
    }
}
