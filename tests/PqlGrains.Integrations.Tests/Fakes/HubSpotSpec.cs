using System.Text.Json.Nodes;
using NJsonSchema;

namespace PqlGrains.Integrations.Tests.Fakes;

/// <summary>
/// Validates request bodies against HubSpot's published OpenAPI files: the operation's request-body schema with
/// its $refs resolved, made strict (no properties the spec does not declare) so a misspelt field fails.
/// </summary>
internal static class HubSpotSpec
{
    public const string Tasks = "hubspot-crm-tasks-v3.openapi.json";
    public const string Notes = "hubspot-crm-notes-v3.openapi.json";

    public static async Task<ICollection<string>> ValidateAsync(string specFile, string method, string path, string body)
    {
        var spec = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryRoot.SharedFile("specs", specFile)))!;
        var operation = spec["paths"]?[path]?[method.ToLowerInvariant()]
            ?? throw new InvalidOperationException($"{specFile} documents no {method} {path}");
        var reference = operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();

        var definitions = JsonNode.Parse(spec["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/definitions/"))!.AsObject();
        foreach (var (_, definition) in definitions)
        {
            if (definition is JsonObject schema && schema.ContainsKey("properties") && !schema.ContainsKey("additionalProperties"))
            {
                schema["additionalProperties"] = false;
            }
        }

        var root = new JsonObject
        {
            ["$ref"] = reference.Replace("#/components/schemas/", "#/definitions/"),
            ["definitions"] = definitions,
        };
        var schemaDocument = await JsonSchema.FromJsonAsync(root.ToJsonString());
        return schemaDocument.Validate(body).Select(error => error.ToString()).ToList();
    }
}
