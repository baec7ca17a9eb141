using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PqlGrains.Cli.Export;

/// <summary>GETs against a cluster's admin API (Bearer <c>Pql:Api:AdminToken</c>), turning failures into messages that say what to fix.</summary>
internal sealed class ClusterApi : IDisposable
{
    private readonly HttpClient _http;

    public ClusterApi(Uri baseUrl, string adminToken, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = baseUrl;
        _http.Timeout = TimeSpan.FromSeconds(30);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
    }

    /// <summary>The parsed JSON body, or null for 404 (the caller knows what a missing resource means).</summary>
    public async Task<JsonElement?> GetAsync(string path, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(path, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new ClusterExportException($"Could not reach the cluster at {_http.BaseAddress} ({error.Message}); check --url (the silo's HTTP address) and that the silo is running.", error);
        }

        using var _ = response;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                throw new ClusterExportException($"The cluster at {_http.BaseAddress} refused the admin token ({(int)response.StatusCode}); pass the value of its Pql:Api:AdminToken with --admin-token.");
            case HttpStatusCode.NotFound:
                return null;
            case var status when !response.IsSuccessStatusCode:
                throw new ClusterExportException($"GET {path} on {_http.BaseAddress} answered {(int)status} {response.ReasonPhrase}: {body}");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new ClusterExportException($"GET {path} on {_http.BaseAddress} did not answer JSON ({error.Message}); check that --url points at a PqlGrains silo, not another service.", error);
        }
    }

    public void Dispose() => _http.Dispose();
}
