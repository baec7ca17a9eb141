using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PqlGrains.Routing.Enrichment;

namespace PqlGrains.Integrations.Enrichment;

/// <summary>Looks companies up at an HTTP enrichment API. Outages surface as <see cref="FirmographicsUnavailableException"/> so they are not cached.</summary>
// A client per call from the factory: this provider lives in a singleton cache, and a captured HttpClient would never see DNS changes.
public sealed class HttpFirmographicsProvider(IHttpClientFactory clients, IOptions<EnrichmentOptions> options) : IFirmographicsProvider
{
    public const string SourceName = "enrichment API";
    public const string ClientName = "PqlGrains.Enrichment";
    private readonly HttpFirmographicsOptions _options = options.Value.Http;

    public async ValueTask<Firmographics?> FindAsync(string domain, CancellationToken cancellationToken)
    {
        var url = _options.UrlTemplate!.Replace("{domain}", Uri.EscapeDataString(domain), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (_options.ApiKey is { Length: > 0 } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or Polly.ExecutionRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new FirmographicsUnavailableException($"Enrichment API unreachable for {domain}: {exception.Message}", exception);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new FirmographicsUnavailableException($"Enrichment API answered {(int)response.StatusCode} for {domain}; check {EnrichmentOptions.Section}:Http:UrlTemplate and :ApiKey.");
            }

            using var document = await ParseAsync(response, domain, cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var facts = FirmographicsJson.From(root, SourceName);
            return facts.IsEmpty ? null : facts;
        }
    }

    // A 200 that is not JSON (a proxy's or login page, a wrong URL template) is an outage of the
    // provider, not an answer: routing goes on without it and the next lead asks again.
    private static async Task<JsonDocument> ParseAsync(HttpResponseMessage response, string domain, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            throw new FirmographicsUnavailableException(
                $"Enrichment API answered {(int)response.StatusCode} for {domain} with a body that is not JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}); check {EnrichmentOptions.Section}:Http:UrlTemplate points at the provider's JSON API.",
                exception);
        }
    }
}
