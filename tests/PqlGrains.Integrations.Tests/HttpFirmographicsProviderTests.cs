using Microsoft.Extensions.DependencyInjection;
using PqlGrains.Integrations.Tests.Fakes;
using PqlGrains.Routing.Enrichment;
using PqlGrains.Routing.Model;

namespace PqlGrains.Integrations.Tests;

public sealed class HttpFirmographicsProviderTests
{
    [Fact]
    public async Task Enricher_asks_the_provider_once_per_domain_and_uses_its_answer()
    {
        await using var provider = await LocalApiServer.StartAsync(request => request.Query == "?domain=acme.com"
            ? ApiResponse.Json(200, """{"name":"Acme","employees":"250","industry":"Software","country":"us","region":"NA","estimated_arr":90000}""")
            : ApiResponse.Json(404, "{}"));
        await using var services = Connectors.Build(
            ("Pql:Enrichment:Http:UrlTemplate", new Uri(provider.BaseUrl, "/v1/companies?domain={domain}").ToString()),
            ("Pql:Enrichment:Http:ApiKey", "key-1"));
        var enricher = services.GetRequiredService<LeadEnricher>();

        var first = await enricher.EnrichAsync("jane@acme.com", null, SegmentThresholds.Default, CancellationToken.None);
        await enricher.EnrichAsync("bob@acme.com", null, SegmentThresholds.Default, CancellationToken.None);
        var unknown = await enricher.EnrichAsync("eve@unknown.io", null, SegmentThresholds.Default, CancellationToken.None);

        Assert.Equal(new Firmographics("Acme", 250, "Software", "US", "NA", 90_000m, "enrichment API"), first.Firmographics);
        Assert.Equal(Segment.Enterprise, first.Segment.Segment);
        Assert.Null(unknown.Firmographics);
        Assert.Equal(2, provider.Requests.Count);
        Assert.Equal("Bearer key-1", provider.Requests[0].Header("authorization"));
    }

    [Fact]
    public async Task Provider_answering_an_error_is_unavailable_not_unknown()
    {
        await using var server = await LocalApiServer.StartAsync(_ => ApiResponse.Json(401, "{}"));
        await using var services = Connectors.Build(("Pql:Enrichment:Http:UrlTemplate", new Uri(server.BaseUrl, "/c/{domain}").ToString()));
        var http = ActivatorUtilities.CreateInstance<PqlGrains.Integrations.Enrichment.HttpFirmographicsProvider>(services);

        var error = await Assert.ThrowsAsync<FirmographicsUnavailableException>(async () => await http.FindAsync("acme.com", CancellationToken.None));
        Assert.Contains("Pql:Enrichment:Http:UrlTemplate", error.Message);
        Assert.Equal("/c/acme.com", server.Requests.Single().Path);
    }

    [Fact]
    public async Task Provider_answering_200_with_a_page_that_is_not_json_is_skipped_and_the_lead_still_enriched_from_its_traits()
    {
        // A captive portal, proxy or misconfigured URL template answers 200 with HTML.
        await using var server = await LocalApiServer.StartAsync(_ => new ApiResponse(200, "<html><body>Sign in</body></html>", "text/html"));
        await using var services = Connectors.Build(("Pql:Enrichment:Http:UrlTemplate", new Uri(server.BaseUrl, "/c/{domain}").ToString()));
        var http = ActivatorUtilities.CreateInstance<PqlGrains.Integrations.Enrichment.HttpFirmographicsProvider>(services);
        var enricher = services.GetRequiredService<LeadEnricher>();

        var error = await Assert.ThrowsAsync<FirmographicsUnavailableException>(async () => await http.FindAsync("acme.com", CancellationToken.None));
        var enriched = await enricher.EnrichAsync("jane@acme.com", new Dictionary<string, string?> { ["employees"] = "80" }, SegmentThresholds.Default, CancellationToken.None);

        Assert.Contains("not JSON", error.Message);
        Assert.Contains("Pql:Enrichment:Http:UrlTemplate", error.Message);
        Assert.Equal(80, enriched.Firmographics!.Employees);
    }
}
