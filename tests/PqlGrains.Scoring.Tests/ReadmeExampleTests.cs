using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Tests;

public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_readme_definition_example_loads_without_errors_or_warnings()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var section = readme[readme.IndexOf("## Definitions", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];

        var result = PqlDefinition.Load(yaml, "README.md");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(6, result.Definition!.Signals.Count);
    }
}
