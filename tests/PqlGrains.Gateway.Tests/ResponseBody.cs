using System.Text.Json;

namespace PqlGrains.Gateway.Tests;

/// <summary>Reads a gateway answer's JSON body for assertions.</summary>
internal static class ResponseBody
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        var body = await ReadAsync(response);
        Assert.False(body.GetProperty("success").GetBoolean());
        return body.GetProperty("error").GetString()!;
    }
}
