using System.Text.Json;
using System.Text.Json.Serialization;

namespace PqlGrains.Silo.Api;

/// <summary>JSON for the leads API: web defaults with enums as snake_case words (status "assigned", not 1).</summary>
internal static class LeadsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
