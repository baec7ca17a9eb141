namespace PqlGrains.Cli.Tests.Calibration;

/// <summary>A small simulated product written once by <c>pql simulate</c>, read by the backtest and calibrate tests.</summary>
public sealed class SimulatedProductFixture : IAsyncLifetime
{
    private readonly CliRunner _cli = new();

    public string Events => _cli.PathOf("sim/events.ndjson");

    public string Conversions => _cli.PathOf("sim/conversions.csv");

    public async Task InitializeAsync()
    {
        var (exitCode, _, error) = await _cli.RunAsync("simulate", "--users", "300", "--accounts", "45", "--days", "60", "--seed", "5", "--out", _cli.PathOf("sim"));
        Assert.True(exitCode == 0, error);
    }

    public Task DisposeAsync()
    {
        _cli.Dispose();
        return Task.CompletedTask;
    }
}
