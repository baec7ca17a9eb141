using NJsonSchema;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Tests;

/// <summary>The published schema (schemas/pql-definition.schema.json) agrees with the loader, so editors can rely on it.</summary>
public sealed class JsonSchemaTests
{
    private static Task<JsonSchema> SchemaAsync() =>
        JsonSchema.FromFileAsync(Path.Combine(RepositoryRoot.Path, "schemas", "pql-definition.schema.json"));

    [Fact]
    public async Task The_shipped_default_definition_conforms_to_the_published_schema()
    {
        var schema = await SchemaAsync();
        Assert.Empty(schema.Validate(YamlToJson.Convert(PqlDefinition.DefaultYaml)));
    }

    [Fact]
    public async Task The_schema_rejects_unknown_fields_like_the_loader()
    {
        var schema = await SchemaAsync();
        var yaml = "id: t\nversion: \"1\"\nsignals:\n  - { id: x, category: depth, points: 5, on: e, pionts: 6 }\n";
        Assert.NotEmpty(schema.Validate(YamlToJson.Convert(yaml)));
        Assert.False(PqlDefinition.Load(yaml, "t.yaml").Succeeded);
    }

    [Fact]
    public async Task The_combination_examples_conform_to_the_published_schema()
    {
        var schema = await SchemaAsync();
        var yaml = """
            id: t
            version: 2
            signals:
              - id: three_of_five
                category: depth
                points: 60
                when: { atLeast: { count: 3, of: [ { count: { on: a } }, { count: { on: b, atLeast: 3, within: 30d } }, { seenWithin: 14d },
                        { distinct: { on: feature.activated, property: feature, atLeast: 3, within: 14d } }, { afterSignup: { on: session.started, atLeast: 4, within: 7d } } ] } }
            """;
        Assert.True(PqlDefinition.Load(yaml, "t.yaml").Succeeded);
        Assert.Empty(schema.Validate(YamlToJson.Convert(yaml)));
    }
}
