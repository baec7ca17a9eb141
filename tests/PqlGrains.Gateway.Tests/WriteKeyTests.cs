using System.Net;
using System.Net.Http.Headers;

namespace PqlGrains.Gateway.Tests;

public sealed class WriteKeyTests
{
    private const string Track = """{"userId":"u1","event":"Report Exported","timestamp":"2026-11-22T17:00:00Z"}""";

    [Fact]
    public async Task Request_without_write_key_gets_401_saying_where_to_put_the_key()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostJsonAsync("/v1/track", Track, writeKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await ResponseBody.ErrorAsync(response);
        Assert.Contains("Basic", error);
        Assert.Contains("Pql:Gateway:WriteKeys", error);
        Assert.Empty(host.Ingestor.Calls);
    }

    [Fact]
    public async Task Unknown_basic_write_key_gets_401_and_nothing_is_ingested()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostJsonAsync("/v1/track", Track, writeKey: "stolen-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("unknown write key", await ResponseBody.ErrorAsync(response));
        Assert.Empty(host.Ingestor.Calls);
    }

    [Fact]
    public async Task Bearer_authorization_gets_401_explaining_basic_auth()
    {
        await using var host = await GatewayHost.StartAsync("test-key");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/track") { Content = new StringContent(Track) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test-key");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not HTTP Basic", await ResponseBody.ErrorAsync(response));
    }

    [Fact]
    public async Task Write_key_in_the_body_authenticates_without_a_header()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostJsonAsync("/v1/track", """{"writeKey":"test-key","userId":"u1","event":"Report Exported"}""", writeKey: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Ingestor.Events);
    }

    [Fact]
    public async Task Unknown_write_key_in_the_body_gets_401()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostJsonAsync("/v1/batch", """{"writeKey":"nope","batch":[]}""", writeKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_configured_keys_only_the_development_key_is_accepted()
    {
        await using var host = await GatewayHost.StartAsync();

        var accepted = await host.PostJsonAsync("/v1/track", Track, writeKey: "dev-write-key");
        var refused = await host.PostJsonAsync("/v1/track", Track, writeKey: "test-key");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Write_key_encoded_without_the_colon_is_still_accepted()
    {
        await using var host = await GatewayHost.StartAsync("test-key");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/track") { Content = new StringContent(Track) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("test-key"u8.ToArray()));

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
