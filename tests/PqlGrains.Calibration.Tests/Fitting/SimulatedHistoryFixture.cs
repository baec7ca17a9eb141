using PqlGrains.Calibration.Fitting;
using PqlGrains.Calibration.Replay;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Simulation;

namespace PqlGrains.Calibration.Tests.Fitting;

/// <summary>A simulated product with a known hidden model, written as files and read back as a user would.</summary>
public sealed class SimulatedHistoryFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pql-calibration-" + Guid.NewGuid().ToString("N"));

    public EventHistory History { get; private set; } = null!;

    public IReadOnlyList<ConversionRecord> Conversions { get; private set; } = [];

    /// <summary>The shipped default calibrated for a 15% PQL rate: computed once, several tests read it.</summary>
    public CalibrationOutcome AtFifteenPercent { get; private set; } = null!;

    public CalibrationOutcome Calibrate(CalibrationTarget target) => WeightCalibration.Run(
        new CalibrationRequest(PqlDefinition.DefaultYaml, "default.yaml", History, Conversions, target));

    public async Task InitializeAsync()
    {
        await SimulationFiles.WriteAsync(new SimulationOptions { Users = 4_000, Accounts = 600, Days = 90, Seed = 2026 }, _directory);
        History = await EventHistory.LoadAsync(Path.Combine(_directory, SimulationFiles.EventsFileName));
        Conversions = ConversionFile.Read(Path.Combine(_directory, SimulationFiles.ConversionsFileName));
        AtFifteenPercent = Calibrate(CalibrationTarget.Rate(0.15));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
