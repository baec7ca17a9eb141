using System.Text.Json;

namespace PqlGrains.Routing.Enrichment;

/// <summary>Reads one company object (name, employees, industry, country, region, estimated_arr) from JSON.</summary>
public static class FirmographicsJson
{
    public static Firmographics From(JsonElement company, string source) =>
        FirmographicsFacts.From(key => Property(company, key), source);

    public static string? Property(JsonElement company, string key) =>
        company.ValueKind == JsonValueKind.Object && company.TryGetProperty(key, out var value) ? Scalar(value) : null;

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };
}
