namespace PqlGrains.Cli.Tests.Calibration;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task The_same_seed_writes_byte_identical_files_and_the_summary_counts_what_was_written()
    {
        string[] args = ["simulate", "--users", "80", "--accounts", "12", "--days", "20", "--seed", "9", "--out"];

        var first = await _cli.RunAsync([.. args, _cli.PathOf("a")]);
        var second = await _cli.RunAsync([.. args, _cli.PathOf("b")]);
        var otherSeed = await _cli.RunAsync("simulate", "--users", "80", "--accounts", "12", "--days", "20", "--seed", "10", "--out", _cli.PathOf("c"));

        Assert.Equal((0, 0, 0), (first.ExitCode, second.ExitCode, otherSeed.ExitCode));
        Assert.Equal("", first.Error);
        Assert.Equal(File.ReadAllBytes(_cli.PathOf("a/events.ndjson")), File.ReadAllBytes(_cli.PathOf("b/events.ndjson")));
        Assert.Equal(File.ReadAllBytes(_cli.PathOf("a/conversions.csv")), File.ReadAllBytes(_cli.PathOf("b/conversions.csv")));
        Assert.NotEqual(File.ReadAllBytes(_cli.PathOf("a/events.ndjson")), File.ReadAllBytes(_cli.PathOf("c/events.ndjson")));
        var events = File.ReadAllLines(_cli.PathOf("a/events.ndjson")).Length;
        var conversions = File.ReadAllLines(_cli.PathOf("a/conversions.csv")).Length - 1;
        Assert.Contains($"Simulated 80 users", first.Output, StringComparison.Ordinal);
        Assert.Contains($"{events} events -> {_cli.PathOf("a/events.ndjson")}", first.Output, StringComparison.Ordinal);
        Assert.Contains($"{conversions} conversions (", first.Output, StringComparison.Ordinal);
        Assert.Equal("user_id,account_id,converted_at,amount", File.ReadLines(_cli.PathOf("a/conversions.csv")).First());
    }

    [Fact]
    public async Task Without_out_or_live_it_says_how_to_choose_and_writes_nothing()
    {
        var (exitCode, output, error) = await _cli.RunAsync("simulate", "--users", "10");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("Give --out DIR to write files, or --live URL --write-key KEY", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--users", "0", "--users must be at least 1 (got 0)")]
    [InlineData("--days", "0", "--days must be between 1 and 3650 (got 0)")]
    public async Task An_out_of_range_size_names_the_option_and_its_range(string option, string value, string message)
    {
        var (exitCode, _, error) = await _cli.RunAsync("simulate", option, value, "--out", _cli.PathOf("x"));

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("x")));
    }

    [Fact]
    public async Task Live_without_a_write_key_or_with_a_non_http_url_says_what_to_pass()
    {
        var noKey = await _cli.RunAsync("simulate", "--live", "http://localhost:1");
        var badUrl = await _cli.RunAsync("simulate", "--live", "localhost:8080", "--write-key", "k");

        Assert.Equal((2, 2), (noKey.ExitCode, badUrl.ExitCode));
        Assert.Contains("--live needs --write-key", noKey.Error, StringComparison.Ordinal);
        Assert.Contains("is not an http(s) URL", badUrl.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_is_a_parse_error_naming_the_option()
    {
        var (exitCode, _, error) = await _cli.RunAsync("simulate", "--users", "many", "--out", _cli.PathOf("x"));

        Assert.Equal(1, exitCode);
        Assert.Contains("--users", error, StringComparison.Ordinal);
        Assert.Contains("many", error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
