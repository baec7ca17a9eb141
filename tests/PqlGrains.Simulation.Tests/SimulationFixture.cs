using PqlGrains.Simulation;

namespace PqlGrains.Simulation.Tests;

/// <summary>One small simulated product shared by the tests that only read it.</summary>
public sealed class SimulationFixture
{
    public SimulationFixture()
    {
        Options = new SimulationOptions { Users = 1_500, Accounts = 200, Days = 60, Seed = 11 };
        Simulator = new ProductSimulator(Options);
        Days = Simulator.Run().ToList();
    }

    public SimulationOptions Options { get; }

    public ProductSimulator Simulator { get; }

    public IReadOnlyList<SimulatedDay> Days { get; }

    public IEnumerable<SimulatedMessage> Messages => Days.SelectMany(d => d.Messages);

    public IEnumerable<SimulatedConversion> Conversions => Days.SelectMany(d => d.Conversions);
}
