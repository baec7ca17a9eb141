using System.Net;
using System.Text;
using System.Text.Json;

namespace PqlGrains.Gateway.Tests;

public sealed class BadInputTests
{
    [Fact]
    public async Task Invalid_json_gets_400_and_nothing_is_ingested()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostJsonAsync("/v1/batch", """{"batch":[{"type":"track",""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await ResponseBody.ErrorAsync(response));
        Assert.Empty(host.Ingestor.Calls);
    }

    [Fact]
    public async Task Batch_body_without_a_batch_array_gets_400_showing_the_expected_shape()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostJsonAsync("/v1/batch", """{"type":"track","userId":"u1","event":"x"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'batch' array", await ResponseBody.ErrorAsync(response));
    }

    [Fact]
    public async Task Invalid_messages_are_rejected_alone_and_the_valid_ones_of_the_batch_are_ingested()
    {
        await using var host = await GatewayHost.StartAsync("test-key");
        var oversize = new string('x', 33 * 1024);
        var json = $$$"""
            {"batch":[
              {"type":"track","messageId":"ok-1","userId":"u1","event":"Report Exported"},
              {"type":"track","messageId":"no-user","event":"Report Exported"},
              {"type":"track","messageId":"bad-time","userId":"u1","event":"Report Exported","timestamp":"yesterday"},
              {"type":"track","messageId":"bad-props","userId":"u1","event":"Report Exported","properties":[1,2]},
              {"type":"track","messageId":"big","userId":"u1","event":"Report Exported","properties":{"blob":"{{{oversize}}}"}},
              {"type":"purchase","messageId":"bad-type","userId":"u1"},
              {"type":"identify","messageId":"ok-2","anonymousId":"anon-1","traits":{"plan":"pro"}},
              {"type":"track","messageId":"bad-id","userId":{"id":1},"event":"x"},
              "not an object"
            ]}
            """;

        var response = await host.PostJsonAsync("/v1/batch", json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ResponseBody.ReadAsync(response);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray()
            .ToDictionary(r => r.GetProperty("index").GetInt32(), r => (Id: r.TryGetProperty("messageId", out var id) ? id.GetString() : null, Error: r.GetProperty("error").GetString()!));
        Assert.Equal([1, 2, 3, 4, 5, 7, 8], rejected.Keys.Order());
        Assert.Contains("userId", rejected[1].Error);
        Assert.Contains("anonymousId", rejected[1].Error);
        Assert.Contains("ISO-8601", rejected[2].Error);
        Assert.Contains("'properties' must be a JSON object", rejected[3].Error);
        Assert.Contains("32 KB", rejected[4].Error);
        Assert.Contains("'type'", rejected[5].Error);
        Assert.Contains("'userId' must be a string", rejected[7].Error);
        Assert.Equal("bad-time", rejected[2].Id);
        Assert.Null(rejected[8].Id);
        Assert.Equal(["ok-1", "ok-2"], host.Ingestor.Events.Select(e => e.MessageId));
    }

    [Fact]
    public async Task Over_long_user_id_is_rejected_alone_by_index_and_the_rest_of_the_batch_is_ingested()
    {
        await using var host = await GatewayHost.StartAsync("test-key");
        var json = $$"""
            {"batch":[
              {"type":"track","messageId":"ok-1","userId":"u1","event":"Report Exported"},
              {"type":"track","messageId":"long-id","userId":"{{new string('u', 600)}}","event":"Report Exported"},
              {"type":"track","messageId":"ok-2","userId":"u2","event":"Report Exported"}
            ]}
            """;

        var response = await host.PostJsonAsync("/v1/batch", json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ResponseBody.ReadAsync(response);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var rejection = Assert.Single(body.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejection.GetProperty("index").GetInt32());
        Assert.Equal("long-id", rejection.GetProperty("messageId").GetString());
        Assert.Contains("'userId' is 600 characters; at most 128", rejection.GetProperty("error").GetString());
        Assert.Equal(["ok-1", "ok-2"], host.Ingestor.Events.Select(e => e.MessageId));
    }

    [Fact]
    public async Task Batch_over_500_KB_gets_413_naming_the_batch_limit()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostJsonAsync("/v1/batch", LargeBatch(520 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("500 KB", await ResponseBody.ErrorAsync(response));
        Assert.Empty(host.Ingestor.Calls);
    }

    [Fact]
    public async Task Gzip_batch_over_500_KB_once_decompressed_gets_413()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostEncodedAsync("/v1/batch", SdkRequestFixtures.Gzip(Encoding.UTF8.GetBytes(LargeBatch(520 * 1024))), "gzip");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Ingestor.Calls);
    }

    [Fact]
    public async Task Batch_just_under_500_KB_is_accepted_whole()
    {
        await using var host = await GatewayHost.StartAsync("test-key");
        var json = LargeBatch(490 * 1024);

        var response = await host.PostJsonAsync("/v1/batch", json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = JsonDocument.Parse(json).RootElement.GetProperty("batch").GetArrayLength();
        Assert.Equal(expected, (await ResponseBody.ReadAsync(response)).GetProperty("accepted").GetInt32());
        Assert.Equal(expected, host.Ingestor.Events.Count);
    }

    [Fact]
    public async Task Single_call_over_32_KB_gets_413_naming_the_event_limit()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostJsonAsync("/v1/track", $$$"""{"userId":"u1","event":"x","properties":{"blob":"{{{new string('x', 33 * 1024)}}}"}}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("32 KB", await ResponseBody.ErrorAsync(response));
    }

    [Fact]
    public async Task Body_labelled_gzip_that_is_not_gzip_gets_400()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostEncodedAsync("/v1/batch", """{"batch":[]}"""u8.ToArray(), "gzip");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid gzip", await ResponseBody.ErrorAsync(response));
    }

    [Fact]
    public async Task Unsupported_content_encoding_gets_415()
    {
        await using var host = await GatewayHost.StartAsync("test-key");

        var response = await host.PostEncodedAsync("/v1/batch", """{"batch":[]}"""u8.ToArray(), "compress");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static string LargeBatch(int approximateBytes)
    {
        var builder = new StringBuilder("{\"batch\":[");
        for (var i = 0; builder.Length < approximateBytes; i++)
        {
            builder.Append(i == 0 ? "" : ",")
                .Append($$$"""{"type":"track","messageId":"m-{{{i}}}","userId":"u{{{i % 50}}}","event":"Feature Used","properties":{"feature":"reports","padding":"{{{new string('p', 400)}}}"}}""");
        }

        return builder.Append("]}").ToString();
    }
}
