namespace PqlGrains.Cli.Tests;

public sealed class DefinitionValidateCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task A_valid_definition_exits_0_and_summarises_it()
    {
        var file = _cli.WriteFile("ok.yaml", "id: trial\nversion: \"3\"\nsignals:\n  - { id: api, category: depth, points: 40, once: true, on: api_key.created }\n");

        var (exitCode, output, error) = await _cli.RunAsync("definition", "validate", file);

        Assert.Equal(0, exitCode);
        Assert.Contains("valid: 'trial' version 3, 1 signals", output);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task An_invalid_definition_exits_1_with_file_line_column_field_and_message()
    {
        var file = _cli.WriteFile("bad.yaml", "id: trial\nversion: \"3\"\nsignals:\n  - id: api\n    category: depth\n    points: 40\n    on: api_key.created\n    weight: 2\n");

        var (exitCode, _, error) = await _cli.RunAsync("definition", "validate", file);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{file}:8:5: signals[0].weight: unknown field 'weight'; allowed fields here: id, category, points", error);
    }

    [Fact]
    public async Task Warnings_are_printed_but_do_not_fail_validation()
    {
        var file = _cli.WriteFile("warn.yaml", "id: t\nversion: \"1\"\nsignals:\n  - { id: x, category: depth, points: 0, on: e }\n");

        var (exitCode, output, error) = await _cli.RunAsync("definition", "validate", file);

        Assert.Equal(0, exitCode);
        Assert.Contains("warning: signals[0].points: 0 points", error);
        Assert.Contains("1 warning(s)", output);
    }

    [Fact]
    public async Task A_missing_file_exits_1_and_says_so()
    {
        var (exitCode, _, error) = await _cli.RunAsync("definition", "validate", "/nonexistent/def.yaml");
        Assert.Equal(1, exitCode);
        Assert.Contains("file not found", error);
    }

    public void Dispose() => _cli.Dispose();
}
