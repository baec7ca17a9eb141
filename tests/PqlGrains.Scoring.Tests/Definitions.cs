using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Scoring.Tests;

internal static class Definitions
{
    /// <summary>Compiles a definition from YAML signals (plus optional extra top-level YAML), failing the test on errors.</summary>
    public static PqlDefinition WithSignals(string signalsYaml, string extra = "")
    {
        var yaml = $"id: test\nversion: \"1\"\n{extra}\nsignals:\n{signalsYaml}";
        var result = PqlDefinition.Load(yaml, "test.yaml");
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Definition!;
    }
}
