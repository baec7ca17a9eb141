using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Definitions;

/// <summary>The definition a cluster starts with: <c>Pql:Scoring:DefinitionPath</c>, or the shipped default.</summary>
internal static class InitialDefinition
{
    public const string Actor = "system (initial definition)";

    public static (string Yaml, string FileName) Read(DefinitionOptions options) =>
        options.DefinitionPath is { Length: > 0 } path
            ? (File.ReadAllText(path), Path.GetFileName(path))
            : (PqlDefinition.DefaultYaml, "default.yaml");
}
