using PqlGrains.Abstractions.Ingest;
using PqlGrains.Segment;

namespace PqlGrains.Silo.Gateway;

/// <summary>
/// The request handler behind every <c>/v1/*</c> call: authenticate, read, parse, hand the valid
/// events to <see cref="IEventIngestor"/>, and answer 200 only once they are durable.
/// </summary>
internal static class SegmentGatewayEndpoints
{
    private static readonly IngestResponse NothingToIngest = new(true, 0, []);

    public static async Task HandleAsync(HttpContext http, SegmentEndpoint endpoint)
    {
        var services = http.RequestServices;
        var authenticator = services.GetRequiredService<WriteKeyAuthenticator>();
        var metrics = services.GetRequiredService<GatewayMetrics>();
        var aborted = http.RequestAborted;

        string? authorization = http.Request.Headers.Authorization;
        var headerAuthenticated = !string.IsNullOrEmpty(authorization);
        if (headerAuthenticated && !authenticator.TryAuthenticateHeader(authorization!, out var authError))
        {
            metrics.Refused(GatewayRequestRejection.Unauthorized);
            await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, authError!);
            return;
        }

        var receivedAt = services.GetRequiredService<TimeProvider>().GetUtcNow();
        SegmentPayload payload;
        try
        {
            using var body = await RequestBodyReader.ReadAsync(http.Request, endpoint, aborted);
            payload = SegmentPayloadParser.Parse(body.Memory, endpoint, receivedAt);
        }
        catch (GatewayRequestException exception)
        {
            metrics.Refused(exception.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => GatewayRequestRejection.TooLarge,
                StatusCodes.Status415UnsupportedMediaType => GatewayRequestRejection.UnsupportedEncoding,
                _ => GatewayRequestRejection.InvalidBody,
            });
            await WriteErrorAsync(http, exception.StatusCode, exception.Message);
            return;
        }
        catch (SegmentPayloadException exception)
        {
            var status = exception.Error == SegmentPayloadError.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            metrics.Refused(exception.Error switch
            {
                SegmentPayloadError.TooLarge => GatewayRequestRejection.TooLarge,
                SegmentPayloadError.ForeignFormat => GatewayRequestRejection.ForeignFormat,
                _ => GatewayRequestRejection.InvalidBody,
            });
            await WriteErrorAsync(http, status, exception.Message);
            return;
        }

        if (!headerAuthenticated && !authenticator.IsKnown(payload.WriteKey))
        {
            metrics.Refused(GatewayRequestRejection.Unauthorized);
            await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, payload.WriteKey is null ? WriteKeyAuthenticator.MissingKey : WriteKeyAuthenticator.UnknownKey);
            return;
        }

        if (endpoint != SegmentEndpoint.Batch && payload.Rejections is [var rejection, ..])
        {
            metrics.Invalid(payload.Rejections.Count);
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, rejection.Error, rejection.MessageId);
            return;
        }

        if (payload.Events.Count > 0)
        {
            try
            {
                await services.GetRequiredService<IEventIngestor>().IngestAsync(payload.Events, aborted);
            }
            catch (Exception exception) when (!aborted.IsCancellationRequested)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SegmentGatewayEndpoints).FullName!).LogError(exception, "Ingest of {Count} events failed; answered 503 so the client retries", payload.Events.Count);
                metrics.Unavailable(payload.Events.Count);
                http.Response.Headers.RetryAfter = "1";
                await WriteErrorAsync(http, StatusCodes.Status503ServiceUnavailable,
                    $"the events could not be stored ({exception.GetType().Name}), so nothing from this request was accepted: retry the same request (Segment and RudderStack SDKs retry 5xx answers on their own).");
                return;
            }
        }

        metrics.Accepted(payload.Events.Count);
        metrics.Invalid(payload.Rejections.Count);
        var response = payload.Events.Count == 0 && payload.Rejections.Count == 0
            ? NothingToIngest
            : new IngestResponse(true, payload.Events.Count, payload.Rejections);
        await http.Response.WriteAsJsonAsync(response, GatewayJsonContext.Default.IngestResponse, cancellationToken: aborted);
    }

    /// <summary>Answers a request in another vendor's format (or path) with what to send instead.</summary>
    public static Task RejectForeignAsync(HttpContext http, string vendor)
    {
        http.RequestServices.GetRequiredService<GatewayMetrics>().Refused(GatewayRequestRejection.ForeignFormat);
        return WriteErrorAsync(http, StatusCodes.Status400BadRequest, ForeignFormats.Explain(vendor));
    }

    /// <summary>Answers <c>/v1/{call}</c> for a call Segment does not have.</summary>
    public static Task RejectUnknownCallAsync(HttpContext http)
    {
        http.RequestServices.GetRequiredService<GatewayMetrics>().Refused(GatewayRequestRejection.UnknownCall);
        return WriteErrorAsync(http, StatusCodes.Status404NotFound,
            $"'{http.Request.Path}' is not a tracking call: POST to /v1/track, /v1/identify, /v1/group, /v1/page, /v1/screen, /v1/alias, /v1/batch or /v1/import.");
    }

    private static Task WriteErrorAsync(HttpContext http, int statusCode, string error, string? messageId = null)
    {
        http.Response.StatusCode = statusCode;
        return http.Response.WriteAsJsonAsync(new ErrorResponse(false, error, messageId), GatewayJsonContext.Default.ErrorResponse, cancellationToken: http.RequestAborted);
    }
}
