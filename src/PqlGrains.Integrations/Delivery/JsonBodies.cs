using System.Text.Json;

namespace PqlGrains.Integrations.Delivery;

internal static class JsonBodies
{
    /// <summary>Reads a response body when it has the expected shape; error pages in HTML or plain text give null.</summary>
    public static T? TryRead<T>(string json) where T : class
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
