using System.Net;

namespace PqlGrains.IntegrationTests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests
{
    private const string BatchWithOneBadEvent = """
        {"batch":[
          {"type":"track","userId":"metrics-u1","event":"Signed Up","messageId":"m-1"},
          {"type":"track","event":"Report Created","messageId":"m-2"},
          {"type":"track","userId":"metrics-u2","event":"Report Created","messageId":"m-3"}
        ]}
        """;

    [Fact]
    public async Task A_batch_with_one_bad_event_shows_as_accepted_and_rejected_counts_beside_runtime_and_orleans_series()
    {
        await using var host = await MetricsHost.StartAsync();

        using var posted = await host.PostBatchAsync(BatchWithOneBadEvent);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using var response = await host.ScrapeAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var scrape = PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, scrape.Sum("pql_gateway_events_accepted_total"));
        Assert.Equal(1, scrape.Sum("pql_gateway_events_rejected_total", "reason=\"invalid\""));
        // Logged before the 200, so already counted.
        Assert.Equal(2, scrape.Sum("pql_ingest_events_logged_total"));
        Assert.True(scrape.Sum("dotnet_gc_heap_total_allocated_bytes_total") > 0, scrape.Text);
        Assert.True(scrape.Has("dotnet_gc_pause_time_seconds_total"), scrape.Text);
        Assert.True(scrape.Has("dotnet_gc_collections_total"), scrape.Text);
        Assert.True(scrape.Sum("orleans_messaging_processing_dispatcher_received_total") > 0, scrape.Text);
        Assert.True(scrape.Has("http_server_request_duration_seconds_count"), scrape.Text);
    }

    [Fact]
    public async Task Dispatch_counters_catch_up_with_the_log_and_the_lag_gauge_returns_to_zero()
    {
        await using var host = await MetricsHost.StartAsync();
        using var posted = await host.PostBatchAsync(BatchWithOneBadEvent);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var scrape = await host.ScrapeUntilAsync(scrape => scrape.Sum("pql_ingest_events_dispatched_total") == 2);

        Assert.True(await host.CaughtUpAsync());
        Assert.Equal(0, scrape.Sum("pql_ingest_dispatch_lag"));
        Assert.True(scrape.Has("pql_ingest_dispatch_lag"), scrape.Text);
        // Two users, one event each: every Apply call carried one event.
        Assert.Equal(2, scrape.Sum("pql_ingest_user_apply_calls_total"));
        Assert.Equal(2, scrape.Sum("pql_ingest_user_apply_events_total"));
    }

    [Fact]
    public async Task Requests_refused_whole_are_counted_by_reason()
    {
        await using var host = await MetricsHost.StartAsync();

        using var unknownKey = await host.Client.PostAsync("/v1/batch", new StringContent("""{"writeKey":"nope","batch":[]}"""));
        using var notJson = await host.PostBatchAsync("{not json");
        using var response = await host.ScrapeAsync();

        var scrape = PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, scrape.Sum("pql_gateway_requests_rejected_total", "reason=\"unauthorized\""));
        Assert.Equal(1, scrape.Sum("pql_gateway_requests_rejected_total", "reason=\"invalid_body\""));
        Assert.Equal(0, scrape.Sum("pql_gateway_events_accepted_total"));
    }

    [Fact]
    public async Task Disabled_metrics_answer_404()
    {
        await using var host = await MetricsHost.StartAsync(("Pql:Metrics:Enabled", "false"));

        using var response = await host.ScrapeAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_endpoint_moves_to_the_configured_path()
    {
        await using var host = await MetricsHost.StartAsync(("Pql:Metrics:Path", "/internal/prometheus"));

        using var moved = await host.ScrapeAsync("/internal/prometheus");
        using var old = await host.ScrapeAsync();

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("dotnet_gc_heap_total_allocated_bytes_total", await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task With_the_token_required_a_scrape_without_it_gets_401_and_one_with_it_gets_the_metrics()
    {
        await using var host = await MetricsHost.StartAsync(("Pql:Metrics:RequireAdminToken", "true"));

        using var anonymous = await host.ScrapeAsync();
        using var wrong = await host.ScrapeAsync(bearer: "not-the-token");
        using var authorized = await host.ScrapeAsync(bearer: MetricsHost.AdminToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Pql:Api:AdminToken", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.Contains("dotnet_gc_heap_total_allocated_bytes_total", await authorized.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
