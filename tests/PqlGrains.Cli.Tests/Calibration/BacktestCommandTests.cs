using System.Globalization;
using System.Text.Json;

namespace PqlGrains.Cli.Tests.Calibration;

public sealed class BacktestCommandTests(SimulatedProductFixture product) : IClassFixture<SimulatedProductFixture>, IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Json_gives_the_headline_metrics_consistent_with_the_counts_and_the_text_report()
    {
        var json = await _cli.RunAsync("backtest", "--events", product.Events, "--conversions", product.Conversions, "--json");
        var text = await _cli.RunAsync("backtest", "--events", product.Events, "--conversions", product.Conversions);

        Assert.Equal((0, 0), (json.ExitCode, text.ExitCode));
        using var report = JsonDocument.Parse(json.Output);
        var root = report.RootElement;
        var active = root.GetProperty("activeSubjects").GetInt32();
        var flagged = root.GetProperty("flagged").GetInt32();
        var converters = root.GetProperty("converters").GetInt32();
        Assert.True(flagged > 0 && converters > 0, json.Output);
        Assert.Equal((double)flagged / active, root.GetProperty("pqlRate").GetDouble(), 12);
        Assert.Equal((double)converters / active, root.GetProperty("baseRate").GetDouble(), 12);
        var precision = root.GetProperty("precision").GetDouble();
        Assert.InRange(precision, 0, 1);
        Assert.InRange(root.GetProperty("recall").GetDouble(), 0, 1);
        Assert.Equal(precision / root.GetProperty("baseRate").GetDouble(), root.GetProperty("lift").GetDouble(), 9);
        var median = root.GetProperty("medianLeadTimeDays").GetDouble();
        Assert.InRange(root.GetProperty("p10LeadTimeDays").GetDouble(), 0, median);
        Assert.Equal("sales_ready", root.GetProperty("qualifyingTier").GetString());
        Assert.Contains($"flagged (PQLs)         {flagged}", text.Output, StringComparison.Ordinal);
        Assert.Contains($"precision              {(precision * 100).ToString("0.0", CultureInfo.InvariantCulture)}%", text.Output, StringComparison.Ordinal);
        Assert.Contains($"lead time median       {median.ToString("0.0", CultureInfo.InvariantCulture)} days", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lower_qualifying_tier_flags_at_least_as_many_subjects_and_accounts_are_judged_at_account_level()
    {
        var top = Json(await _cli.RunAsync("backtest", "--events", product.Events, "--conversions", product.Conversions, "--json"));
        var warm = Json(await _cli.RunAsync("backtest", "--events", product.Events, "--conversions", product.Conversions, "--json", "--tier", "warm"));
        var accounts = Json(await _cli.RunAsync("backtest", "--events", product.Events, "--conversions", product.Conversions, "--json", "--level", "account"));

        Assert.True(warm.GetProperty("flagged").GetInt32() >= top.GetProperty("flagged").GetInt32());
        Assert.Equal("warm", warm.GetProperty("qualifyingTier").GetString());
        Assert.Equal("account", accounts.GetProperty("level").GetString());
        Assert.True(accounts.GetProperty("activeSubjects").GetInt32() < top.GetProperty("activeSubjects").GetInt32());
    }

    [Fact]
    public async Task A_stricter_definition_flags_fewer_and_a_shorter_window_judges_fewer_subjects()
    {
        var stricter = _cli.WriteFile("strict.yaml", PqlGrains.Scoring.Definitions.PqlDefinition.DefaultYaml
            .Replace("version: \"1\"", "version: \"strict\"", StringComparison.Ordinal)
            .Replace("minScore: 80", "minScore: 160", StringComparison.Ordinal));
        var all = Json(await _cli.RunAsync("backtest", "--events", product.Events, "--conversions", product.Conversions, "--json"));
        var strict = Json(await _cli.RunAsync("backtest", "--definition", stricter, "--events", product.Events, "--conversions", product.Conversions, "--json"));
        var from = all.GetProperty("from").GetDateTimeOffset().AddDays(30);
        var later = Json(await _cli.RunAsync("backtest", "--events", product.Events, "--conversions", product.Conversions, "--json", "--from", from.ToString("O", CultureInfo.InvariantCulture)));

        Assert.Equal("strict", strict.GetProperty("definitionVersion").GetString());
        Assert.Equal(160, strict.GetProperty("qualifyingScore").GetDouble());
        Assert.True(strict.GetProperty("flagged").GetInt32() < all.GetProperty("flagged").GetInt32());
        Assert.Equal(from, later.GetProperty("from").GetDateTimeOffset());
        Assert.True(later.GetProperty("activeSubjects").GetInt32() < all.GetProperty("activeSubjects").GetInt32());
    }

    [Fact]
    public async Task Html_report_is_one_self_contained_page_with_the_curve_and_the_histogram()
    {
        var html = _cli.PathOf("report.html");

        var (exitCode, _, error) = await _cli.RunAsync("backtest", "--events", product.Events, "--conversions", product.Conversions, "--html", html);

        Assert.Equal(0, exitCode);
        Assert.Contains($"HTML report written to {html}", error, StringComparison.Ordinal);
        var page = await File.ReadAllTextAsync(html);
        Assert.StartsWith("<!DOCTYPE html>", page.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.True(page.Split("<svg", StringSplitOptions.None).Length - 1 >= 2, "expected an inline SVG curve and histogram");
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_missing_conversions_file_names_the_path_and_the_expected_header()
    {
        var missing = _cli.PathOf("nope.csv");

        var (exitCode, output, error) = await _cli.RunAsync("backtest", "--events", product.Events, "--conversions", missing);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"The conversions file {missing} does not exist", error, StringComparison.Ordinal);
        Assert.Contains("user_id,account_id,converted_at,amount", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversions_file_with_the_wrong_header_or_a_bad_date_points_at_the_line()
    {
        var header = _cli.WriteFile("header.csv", "user,when\nu1,2026-01-01\n");
        var date = _cli.WriteFile("date.csv", "user_id,account_id,converted_at,amount\nu1,,2026-01-02T00:00:00Z,1\nu2,,last tuesday,1\n");

        var badHeader = await _cli.RunAsync("backtest", "--events", product.Events, "--conversions", header);
        var badDate = await _cli.RunAsync("backtest", "--events", product.Events, "--conversions", date);

        Assert.Equal((2, 2), (badHeader.ExitCode, badDate.ExitCode));
        Assert.Contains($"{header}:1: the header must be 'user_id,account_id,converted_at,amount'", badHeader.Error, StringComparison.Ordinal);
        Assert.Contains($"{date}:3: converted_at 'last tuesday' is not an ISO-8601 time", badDate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_events_file_says_where_events_come_from()
    {
        var (exitCode, _, error) = await _cli.RunAsync("backtest", "--events", _cli.PathOf("none.ndjson"), "--conversions", product.Conversions);

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist; pass a Segment NDJSON file (e.g. from `pql simulate --out DIR`", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_lines_in_the_events_file_are_reported_and_the_rest_is_replayed()
    {
        var events = _cli.WriteFile("events.ndjson", string.Join('\n', File.ReadLines(product.Events).Take(200).Append("{not json").Append("""{"type":"track"}""")));

        var (exitCode, output, error) = await _cli.RunAsync("backtest", "--events", events, "--conversions", product.Conversions, "--json");

        Assert.Equal(0, exitCode);
        Assert.Contains("2 messages in the events file were skipped as invalid", error, StringComparison.Ordinal);
        Assert.True(Json((exitCode, output, error)).GetProperty("eventsReplayed").GetInt32() > 0);
    }

    [Theory]
    [InlineData("--horizon", "60 days", "--horizon '60 days' is not a duration; write a positive number with d, h, m or s, e.g. 60d.")]
    [InlineData("--tier", "platinum", "Tier 'platinum' is not in definition 'default'; its tiers are warm, hot, sales_ready.")]
    public async Task A_bad_option_value_says_what_is_allowed(string option, string value, string message)
    {
        var (exitCode, output, error) = await _cli.RunAsync("backtest", "--events", product.Events, "--conversions", product.Conversions, option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Required_options_missing_are_a_parse_error_naming_them()
    {
        var (exitCode, _, error) = await _cli.RunAsync("backtest", "--events", product.Events);

        Assert.Equal(1, exitCode);
        Assert.Contains("--conversions", error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private static JsonElement Json((int ExitCode, string Output, string Error) run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }
}
