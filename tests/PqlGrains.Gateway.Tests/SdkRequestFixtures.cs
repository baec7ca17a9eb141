using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PqlGrains.Gateway.Tests;

/// <summary>
/// The requests real analytics SDKs sent, captured in ../shared/fixtures/sdk-requests.json
/// (bodies stored decoded), rebuilt byte for byte as the SDK sent them: same method, path,
/// headers, and gzip when the SDK compressed.
/// </summary>
internal static class SdkRequestFixtures
{
    private static readonly string[] SkippedHeaders = ["host", "connection", "content-length", "content-type", "content-encoding"];

    public static JsonElement Capture(string client, string? method = null)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.SharedFile("fixtures", "sdk-requests.json")));
        foreach (var capture in document.RootElement.EnumerateArray())
        {
            if (capture.GetProperty("client").GetString() == client && (method is null || capture.GetProperty("method").GetString() == method))
            {
                return capture.Clone();
            }
        }

        throw new InvalidOperationException($"sdk-requests.json has no capture for client '{client}'.");
    }

    public static HttpRequestMessage Rebuild(JsonElement capture)
    {
        var request = new HttpRequestMessage(new HttpMethod(capture.GetProperty("method").GetString()!), capture.GetProperty("url").GetString());
        var headers = capture.GetProperty("headers");
        foreach (var header in headers.EnumerateObject())
        {
            if (!SkippedHeaders.Contains(header.Name))
            {
                request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
            }
        }

        if (request.Method == HttpMethod.Get)
        {
            return request;
        }

        var json = Encoding.UTF8.GetBytes(capture.GetProperty("body").GetRawText());
        var gzip = headers.TryGetProperty("content-encoding", out var encoding) && encoding.GetString() == "gzip";
        var content = new ByteArrayContent(gzip ? Gzip(json) : json);
        if (headers.TryGetProperty("content-type", out var contentType))
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType.GetString()!);
        }

        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        request.Content = content;
        return request;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
