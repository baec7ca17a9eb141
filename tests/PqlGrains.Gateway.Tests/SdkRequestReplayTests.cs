using System.Net;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Gateway.Tests;

public sealed class SdkRequestReplayTests
{
    private static Task<GatewayHost> StartAsync() => GatewayHost.StartAsync("WK_SEG", "WK_OLD", "WK_RUD");

    [Fact]
    public async Task Segment_analytics_node_batch_is_accepted_as_identify_and_track_at_their_timestamps()
    {
        await using var host = await StartAsync();

        var response = await host.Client.SendAsync(SdkRequestFixtures.Rebuild(SdkRequestFixtures.Capture("segment-analytics-node")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ResponseBody.ReadAsync(response);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("rejected").GetArrayLength());
        var events = host.Ingestor.Events;
        Assert.Equal(2, events.Count);

        var identify = events[0];
        Assert.Equal(EventType.Identify, identify.Type);
        Assert.Equal("user-42", identify.UserId);
        Assert.Equal("node-next-1795370347798-53afcf8b-c028-4214-92f6-56ec7ca13e37", identify.MessageId);
        Assert.Equal(DateTimeOffset.Parse("2026-11-22T17:59:07.798Z"), identify.Timestamp);
        Assert.Equal("a@acme.io", identify.Properties["email"].Text);

        var track = events[1];
        Assert.Equal(EventType.Track, track.Type);
        Assert.Equal("Report Exported", track.Name);
        Assert.Equal("user-42", track.UserId);
        Assert.Equal("node-next-1795370347799-cf8bc028-c214-42f6-96ec-7ca13e3725d0", track.MessageId);
        Assert.Equal(DateTimeOffset.Parse("2026-11-22T17:59:07.799Z"), track.Timestamp);
        Assert.Equal("free", track.Properties["plan"].Text);
        Assert.Equal(3, track.Properties["seats"].Number);
        Assert.Null(track.GroupId);
    }

    [Fact]
    public async Task Legacy_analytics_node_batch_is_accepted_with_its_track_event()
    {
        await using var host = await StartAsync();

        var response = await host.Client.SendAsync(SdkRequestFixtures.Rebuild(SdkRequestFixtures.Capture("analytics-node-legacy")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var track = Assert.Single(host.Ingestor.Events);
        Assert.Equal(EventType.Track, track.Type);
        Assert.Equal("Report Exported", track.Name);
        Assert.Equal("user-42", track.UserId);
        Assert.Equal("node-e8e037ca678fe515e012409f6562ade9-dfd62dcd-2f9b-4f50-b2a2-f0a394965bce", track.MessageId);
        Assert.Equal(DateTimeOffset.Parse("2026-11-22T17:59:07.875Z"), track.Timestamp);
        Assert.Equal(2, track.Properties.Count);
        Assert.Equal(3, track.Properties["seats"].Number);
    }

    [Fact]
    public async Task RudderStack_gzip_labelled_as_form_data_is_decompressed_and_its_originalTimestamp_corrected_by_sentAt()
    {
        await using var host = await StartAsync();

        var response = await host.Client.SendAsync(SdkRequestFixtures.Rebuild(SdkRequestFixtures.Capture("rudder-sdk-node")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var track = Assert.Single(host.Ingestor.Events);
        Assert.Equal("Report Exported", track.Name);
        Assert.Equal("user-42", track.UserId);
        Assert.Equal("1b27803e-1db9-4c1c-9e5a-a4cddd606f62", track.MessageId);
        Assert.Equal("free", track.Properties["plan"].Text);

        // originalTimestamp == sentAt: no client-side delay, so the event happened when it was received.
        Assert.Equal(GatewayHost.ReceivedAt, track.Timestamp);
    }

    [Theory]
    [InlineData("posthog", "POST", "PostHog")]
    [InlineData("mixpanel", "GET", "Mixpanel")]
    [InlineData("mixpanel", "POST", "Mixpanel")]
    [InlineData("amplitude", "POST", "Amplitude")]
    public async Task Other_vendors_sdk_requests_are_refused_with_the_endpoint_format_expected(string client, string method, string vendor)
    {
        await using var host = await StartAsync();

        var response = await host.Client.SendAsync(SdkRequestFixtures.Rebuild(SdkRequestFixtures.Capture(client, method)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ResponseBody.ErrorAsync(response);
        Assert.Contains(vendor, error);
        Assert.Contains("POST /v1/batch", error);
        Assert.Empty(host.Ingestor.Calls);
    }

    [Fact]
    public async Task PostHog_body_posted_to_the_segment_batch_path_is_refused_as_PostHog()
    {
        await using var host = await StartAsync();
        var posthog = SdkRequestFixtures.Capture("posthog");

        var response = await host.PostJsonAsync("/v1/batch", posthog.GetProperty("body").GetRawText(), "WK_SEG");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("PostHog", await ResponseBody.ErrorAsync(response));
        Assert.Empty(host.Ingestor.Calls);
    }
}
