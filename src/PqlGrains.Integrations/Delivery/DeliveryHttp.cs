using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Timeout;

namespace PqlGrains.Integrations.Delivery;

/// <summary>
/// Sends one request and classifies the answer: 2xx delivered, 408/429/5xx/timeouts/connection failures
/// retryable (with Retry-After), other 4xx permanent carrying the API's message.
/// </summary>
internal static class DeliveryHttp
{
    public static async Task<DeliveryResult> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        string connector,
        Func<string, DeliveryResult> onSuccess,
        Func<string, string?> errorMessage,
        string fixHint,
        CancellationToken cancellationToken)
    {
        using var sent = request;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception)
        {
            return DeliveryResult.Retryable(connector, $"timed out: {exception.Message}");
        }
        catch (TimeoutRejectedException exception)
        {
            return DeliveryResult.Retryable(connector, $"timed out after {exception.Timeout.TotalSeconds:0.###} s waiting for the API");
        }
        catch (ExecutionRejectedException exception)
        {
            // An open circuit: the API failed repeatedly just now; the request itself is not wrong.
            return DeliveryResult.Retryable(connector, $"not sent, the API failed repeatedly and the circuit is open ({exception.Message})");
        }
        catch (HttpRequestException exception)
        {
            return DeliveryResult.Retryable(connector, $"connection failed: {exception.Message}");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                // A success body the API does not confirm (Salesforce success:false) comes back as a failure; keep the status either way.
                return onSuccess(body) with { StatusCode = status };
            }

            var message = Describe(status, errorMessage(body) ?? Truncate(body), fixHint);
            return IsRetryable(response.StatusCode)
                ? DeliveryResult.Retryable(connector, message, status, RetryAfter(response.Headers.RetryAfter))
                : DeliveryResult.Permanent(connector, message, status);
        }
    }

    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider? time = null)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - (time ?? TimeProvider.System).GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string Describe(int status, string apiMessage, string fixHint) => status switch
    {
        401 or 403 => $"{apiMessage} (check the access token and its scopes: {fixHint})",
        404 => $"{apiMessage} (check the base URL, API version and record ids: {fixHint})",
        _ => apiMessage,
    };

    private static string Truncate(string body)
    {
        var text = body.Trim();
        return text.Length == 0 ? "(empty response body)" : text.Length <= 500 ? text : text[..500] + "...";
    }
}
