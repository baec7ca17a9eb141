using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Cli.Tests.Calibration;

public sealed partial class CalibrateCommandTests(SimulatedProductFixture product) : IClassFixture<SimulatedProductFixture>, IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Writes_a_valid_next_version_with_its_evidence_and_the_labels_it_learnt_from()
    {
        var output = _cli.PathOf("calibrated.yaml");
        var labels = _cli.PathOf("labels.csv");

        var run = await Calibrate("--out", output, "--labels", labels, "--target-rate", "0.15");

        Assert.True(run.ExitCode == 0, run.Error);
        var definition = PqlDefinition.LoadFile(output).GetDefinitionOrThrow();
        Assert.Equal("2", definition.Version);
        var yaml = await File.ReadAllTextAsync(output);
        Assert.StartsWith("# Calibrated by `pql calibrate` from definition 'default' version 1", yaml, StringComparison.Ordinal);
        Assert.Contains("#   this version:", yaml, StringComparison.Ordinal);
        Assert.Contains($"Definition version 2 written to {output}", run.Output, StringComparison.Ordinal);
        Assert.Contains("Validation precision at the same PQL rate:", run.Output, StringComparison.Ordinal);
        var stated = TrainingLine().Match(run.Output);
        Assert.True(stated.Success, run.Output);
        var rows = File.ReadAllLines(labels);
        Assert.Equal("user_id,cut_off,label,source", rows[0]);
        Assert.Equal(int.Parse(stated.Groups["samples"].Value, CultureInfo.InvariantCulture), rows.Length - 1);
        Assert.Equal(int.Parse(stated.Groups["positives"].Value, CultureInfo.InvariantCulture), rows.Count(r => r.EndsWith(",1,conversion", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.EndsWith(",0,none", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_good_verdict_turns_the_users_snapshots_before_the_lead_positive()
    {
        var plain = _cli.PathOf("plain.csv");
        Assert.Equal(0, (await Calibrate("--out", _cli.PathOf("a.yaml"), "--labels", plain, "--target-rate", "0.15")).ExitCode);
        var negative = File.ReadLines(plain).Skip(1).Select(r => r.Split(',')).First(r => r[2] == "0");
        var (userId, cutOff) = (negative[0], DateTimeOffset.Parse(negative[1], CultureInfo.InvariantCulture));
        var feedback = _cli.WriteFile("feedback.ndjson", JsonSerializer.Serialize(new
        {
            leadId = $"user:{userId}~1", subject = "user:" + userId, userId, accountId = (string?)null, verdict = "good",
            definitionVersion = "1", qualifiedAt = cutOff.AddDays(7), givenAt = cutOff.AddDays(8),
        }));
        var withFeedback = _cli.PathOf("feedback-labels.csv");

        var run = await Calibrate("--out", _cli.PathOf("b.yaml"), "--labels", withFeedback, "--feedback", feedback, "--target-rate", "0.15");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("labels with 1 rep verdicts: ", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{userId},{negative[1]},1,good", File.ReadLines(withFeedback));
        Assert.DoesNotContain(File.ReadLines(withFeedback), r => r.StartsWith(userId + ",", StringComparison.Ordinal) && DateTimeOffset.Parse(r.Split(',')[1], CultureInfo.InvariantCulture) >= cutOff.AddDays(7));
    }

    [Theory]
    [InlineData(new string[0], "Give exactly one of --target-rate (share of active users to flag, e.g. 0.15) or --target-precision (e.g. 0.35).")]
    [InlineData(new[] { "--target-rate", "0.1", "--target-precision", "0.3" }, "Give exactly one of --target-rate")]
    [InlineData(new[] { "--target-rate", "1.5" }, "--target-rate must be between 0 and 1, e.g. 0.15 (got 1.5).")]
    [InlineData(new[] { "--target-rate", "0.15", "--label-window", "3 weeks" }, "--label-window '3 weeks' is not a duration")]
    [InlineData(new[] { "--target-rate", "0.15", "--split", "2020-01-01" }, "--split 2020-01-01 must fall inside the history")]
    public async Task A_bad_target_or_window_says_what_to_pass_and_writes_nothing(string[] options, string message)
    {
        var output = _cli.PathOf("out.yaml");

        var run = await Calibrate(["--out", output, .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_missing_base_or_a_malformed_feedback_file_names_the_file_and_the_fix()
    {
        var missingBase = _cli.PathOf("base.yaml");
        var feedback = _cli.WriteFile("bad.ndjson", "{\"leadId\":\"user:a~1\"}\n");

        var noBase = await Calibrate("--out", _cli.PathOf("x.yaml"), "--base", missingBase, "--target-rate", "0.15");
        var badFeedback = await Calibrate("--out", _cli.PathOf("y.yaml"), "--feedback", feedback, "--target-rate", "0.15");

        Assert.Equal((2, 2), (noBase.ExitCode, badFeedback.ExitCode));
        Assert.Contains($"The base definition {missingBase} does not exist.", noBase.Error, StringComparison.Ordinal);
        Assert.Contains($"{feedback}:1: not a feedback record", badFeedback.Error, StringComparison.Ordinal);
        Assert.Contains("verdict (good, too_early or not_a_fit)", badFeedback.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private Task<(int ExitCode, string Output, string Error)> Calibrate(params string[] options) =>
        _cli.RunAsync(["calibrate", "--events", product.Events, "--conversions", product.Conversions, .. options]);

    [GeneratedRegex(@"; (?<samples>\d+) user snapshots at 7-day cut-offs, (?<positives>\d+) converted within")]
    private static partial Regex TrainingLine();
}
