using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace PqlGrains.Testing.Fakes;

/// <summary>
/// Validates JSON bodies against a named schema of an official OpenAPI file in ../shared/specs, so fakes reject
/// requests the real API would reject.
/// </summary>
public static class OpenApiSchemas
{
    private static readonly ConcurrentDictionary<(string Spec, string Schema), Lazy<Task<JsonSchema>>> Cache = new();

    /// <summary>Problems with <paramref name="json"/> against <c>components.schemas.{schema}</c>; empty when valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string specFile, string schema, string json)
    {
        var compiled = await Cache.GetOrAdd((specFile, schema), key => new Lazy<Task<JsonSchema>>(() => LoadAsync(key.Spec, key.Schema))).Value;
        return [.. compiled.Validate(json).Select(error => $"{error.Path}: {error.Kind}")];
    }

    private static async Task<JsonSchema> LoadAsync(string specFile, string schema)
    {
        var path = Path.Combine(RepositoryRoot.Path, "..", "shared", "specs", specFile);
        var schemas = JsonNode.Parse(await File.ReadAllTextAsync(path))!["components"]!["schemas"]!.ToJsonString();
        // NJsonSchema resolves JSON-Schema style definitions; point the OpenAPI component references there.
        var definitions = JsonNode.Parse(schemas.Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal))!;
        var document = new JsonObject { ["$ref"] = "#/definitions/" + schema, ["definitions"] = definitions };
        var root = await JsonSchema.FromJsonAsync(document.ToJsonString());
        return root.ActualSchema;
    }
}
