using PqlGrains.Calibration.Fitting;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Calibration.Tests.Fitting;

public sealed class DefinitionRewriteTests
{
    private static readonly Dictionary<string, double> NewPoints = new() { ["billing_page"] = 12, ["api_key_created"] = 55 };

    private static string Rewritten => DefinitionRewrite.Rewrite(PqlDefinition.DefaultYaml, "2", NewPoints, 1.0, "Calibrated for a test.\nSecond line.");

    [Fact]
    public void OnlyTheVersionAndTheGivenSignalsPointsChange()
    {
        var calibrated = PqlDefinition.Load(Rewritten, "calibrated.yaml").GetDefinitionOrThrow();
        var shipped = PqlDefinition.Default;

        Assert.Equal("2", calibrated.Version);
        Assert.Equal(12, calibrated.Signals.Single(s => s.Id == "billing_page").Points);
        Assert.Equal(55, calibrated.Signals.Single(s => s.Id == "api_key_created").Points);
        Assert.Equal(
            shipped.Signals.Where(s => !NewPoints.ContainsKey(s.Id)).Select(s => (s.Id, s.Points)),
            calibrated.Signals.Where(s => !NewPoints.ContainsKey(s.Id)).Select(s => (s.Id, s.Points)));
        Assert.Equal(shipped.Tiers, calibrated.Tiers);
        Assert.Equal(shipped.Account.Signals.Select(s => s.Points), calibrated.Account.Signals.Select(s => s.Points));
    }

    [Fact]
    public void TheCommentBlockGoesOnTopAndTheTeamsCommentsStay()
    {
        var lines = Rewritten.Split('\n');
        Assert.Equal(["# Calibrated for a test.", "# Second line."], lines[..2]);
        Assert.Contains(lines, l => l.StartsWith("# The shipped default PQL definition", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileWithoutAVersionLineIsRefusedWithTheFix()
    {
        var error = Assert.Throws<FormatException>(() => DefinitionRewrite.Rewrite("id: x\nsignals: []\n", "2", NewPoints, 1.0, "h"));
        Assert.Contains("version", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", "2")]
    [InlineData("41", "42")]
    [InlineData("2026-q1", "2026-q1-calibrated")]
    public void VersionsBumpIntegersAndSuffixTheRest(string version, string next) =>
        Assert.Equal(next, DefinitionRewrite.NextVersion(version));
}
