using Microsoft.Extensions.Options;
using PqlGrains.Segment;

namespace PqlGrains.Silo.Gateway;

public static class SegmentGatewayEndpointRouteBuilderExtensions
{
    private static readonly (string Path, SegmentEndpoint Endpoint)[] Calls =
    [
        ("/track", SegmentEndpoint.Track),
        ("/identify", SegmentEndpoint.Identify),
        ("/group", SegmentEndpoint.Group),
        ("/page", SegmentEndpoint.Page),
        ("/screen", SegmentEndpoint.Screen),
        ("/alias", SegmentEndpoint.Alias),
        ("/batch", SegmentEndpoint.Batch),
        ("/import", SegmentEndpoint.Batch),
    ];

    /// <summary>
    /// Maps the Segment HTTP tracking API under <c>/v1</c> (track, identify, group, page, screen,
    /// alias, batch, import), plus the paths of PostHog, Mixpanel and Amplitude SDKs, which are
    /// answered 400 with what to send instead. Requires <see cref="SegmentGatewayServiceCollectionExtensions.AddSegmentGateway"/>.
    /// Returns the <c>/v1</c> group so the host can add conventions (rate limiting, CORS).
    /// </summary>
    public static RouteGroupBuilder MapSegmentGateway(this IEndpointRouteBuilder endpoints)
    {
        AnnounceDevelopmentKey(endpoints.ServiceProvider);
        var group = endpoints.MapGroup("/v1");
        foreach (var (path, endpoint) in Calls)
        {
            group.MapPost(path, http => SegmentGatewayEndpoints.HandleAsync(http, endpoint));
        }

        group.MapPost("/{call}", SegmentGatewayEndpoints.RejectUnknownCallAsync);

        MapForeign(endpoints, ["/capture", "/e", "/i/v0/e"], ForeignFormats.PostHog, ["POST"]);
        MapForeign(endpoints, ["/batch"], $"{ForeignFormats.PostHog} or {ForeignFormats.Amplitude}", ["POST"]);
        MapForeign(endpoints, ["/2/httpapi"], ForeignFormats.Amplitude, ["POST"]);
        MapForeign(endpoints, ["/track", "/engage", "/import"], ForeignFormats.Mixpanel, ["GET", "POST"]);
        return group;
    }

    private static void MapForeign(IEndpointRouteBuilder endpoints, string[] paths, string vendor, string[] methods)
    {
        foreach (var path in paths)
        {
            endpoints.MapMethods(path, methods, http => SegmentGatewayEndpoints.RejectForeignAsync(http, vendor));
        }
    }

    private static void AnnounceDevelopmentKey(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SegmentGatewayOptions>>().Value;
        if (options.WriteKeys.Count == 0)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SegmentGatewayOptions)).LogWarning(
                "Tracking API accepts only the development write key '{WriteKey}'; configure {Section}:WriteKeys for real sources",
                SegmentGatewayOptions.DevelopmentWriteKey, SegmentGatewayOptions.SectionName);
        }
    }
}
