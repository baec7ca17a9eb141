using PqlGrains.Silo.Api;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Operations;
using PqlGrains.Silo.Configuration;

namespace PqlGrains.Silo.Admin;

/// <summary>
/// Operator endpoints for the cluster canary: prove that grains, durable state and reminders
/// work across the deployment (bump through one silo, read through another).
/// </summary>
public static class CanaryEndpoints
{
    /// <summary>
    /// Maps under <c>/api/admin/canary/{id}</c>: <c>POST</c> bump, <c>GET</c> read,
    /// <c>PUT …/reminder?periodSeconds=N</c> arm the reminder, <c>DELETE …/reminder</c> disarm it.
    /// Guarded by <c>Pql:Api:AdminToken</c> like every other API.
    /// </summary>
    public static IEndpointRouteBuilder MapPqlAdmin(this IEndpointRouteBuilder endpoints)
    {
        var canary = endpoints.MapGroup("/api/admin/canary/{id}").AddEndpointFilter<ApiTokenFilter>();
        canary.MapPost("", (string id, IGrainFactory grains) => grains.GetGrain<ICanaryGrain>(id).BumpAsync());
        canary.MapGet("", (string id, IGrainFactory grains) => grains.GetGrain<ICanaryGrain>(id).ReadAsync());
        canary.MapPut("/reminder", ArmAsync);
        canary.MapDelete("/reminder", (string id, IGrainFactory grains) => grains.GetGrain<ICanaryGrain>(id).DisarmReminderAsync());
        return endpoints;
    }

    private static async Task<IResult> ArmAsync(string id, double? periodSeconds, IGrainFactory grains, IOptions<PqlOptions> options)
    {
        var minimum = options.Value.Reminders.MinimumPeriod;
        if (periodSeconds is not { } seconds || !double.IsFinite(seconds) || TimeSpan.FromSeconds(seconds) < minimum)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid reminder period",
                detail: $"Pass ?periodSeconds=N with N at least {minimum.TotalSeconds} (Pql:Reminders:MinimumPeriod is {minimum}).");
        }

        return Results.Ok(await grains.GetGrain<ICanaryGrain>(id).ArmReminderAsync(TimeSpan.FromSeconds(seconds)));
    }
}
