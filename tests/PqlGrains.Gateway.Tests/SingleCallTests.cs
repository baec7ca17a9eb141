using System.Net;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Gateway.Tests;

public sealed class SingleCallTests
{
    [Theory]
    [InlineData("/v1/track", """{"userId":"u1","event":"Invite Sent"}""", EventType.Track, "Invite Sent")]
    [InlineData("/v1/identify", """{"userId":"u1","traits":{"email":"a@acme.io"}}""", EventType.Identify, "")]
    [InlineData("/v1/group", """{"userId":"u1","groupId":"acme","traits":{"name":"Acme"}}""", EventType.Group, "")]
    [InlineData("/v1/page", """{"userId":"u1","name":"Pricing"}""", EventType.Page, "Pricing")]
    [InlineData("/v1/screen", """{"anonymousId":"u1","name":"Home"}""", EventType.Screen, "Home")]
    [InlineData("/v1/alias", """{"userId":"u1","previousId":"anon-7"}""", EventType.Alias, "")]
    public async Task Each_call_path_ingests_one_event_of_its_type(string path, string json, EventType type, string name)
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostJsonAsync(path, json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ResponseBody.ReadAsync(response);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var ingested = Assert.Single(host.Ingestor.Events);
        Assert.Equal(type, ingested.Type);
        Assert.Equal(name, ingested.Name);
        Assert.Equal("u1", ingested.UserId);
        Assert.Equal(GatewayHost.ReceivedAt, ingested.Timestamp);
    }

    [Fact]
    public async Task Group_call_links_the_user_to_the_account_with_its_traits()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        await host.PostJsonAsync("/v1/group", """{"userId":"u1","groupId":"acme","traits":{"name":"Acme","employees":120,"address":{"country":"DE"}}}""");

        var group = Assert.Single(host.Ingestor.Events);
        Assert.Equal("acme", group.GroupId);
        Assert.Equal("Acme", group.Properties["name"].Text);
        Assert.Equal(120, group.Properties["employees"].Number);
        Assert.Equal("DE", group.Properties["address.country"].Text);
    }

    [Fact]
    public async Task Page_call_takes_path_and_url_from_context_page_when_properties_lack_them()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        await host.PostJsonAsync("/v1/page", """
            {"userId":"u1","name":"Pricing","properties":{"url":"https://app.example.com/pricing?x=1"},
             "context":{"page":{"path":"/pricing","url":"https://ignored.example.com","title":"Pricing"}}}
            """);

        var page = Assert.Single(host.Ingestor.Events);
        Assert.Equal("/pricing", page.Properties["path"].Text);
        Assert.Equal("https://app.example.com/pricing?x=1", page.Properties["url"].Text);
        Assert.Equal("Pricing", page.Properties["title"].Text);
    }

    [Fact]
    public async Task Invalid_single_call_gets_400_with_the_reason_and_nothing_is_ingested()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostJsonAsync("/v1/track", """{"messageId":"m-1","userId":"u1"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ResponseBody.ReadAsync(response);
        Assert.Contains("'event'", body.GetProperty("error").GetString());
        Assert.Equal("m-1", body.GetProperty("messageId").GetString());
        Assert.Empty(host.Ingestor.Calls);
    }

    [Fact]
    public async Task Unknown_v1_call_gets_404_listing_the_calls()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostJsonAsync("/v1/trak", """{"userId":"u1","event":"x"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/v1/track", await ResponseBody.ErrorAsync(response));
    }
}
