namespace PqlGrains.Simulation;

/// <summary>Everything that happened on one simulated day, messages sorted by timestamp.</summary>
public sealed record SimulatedDay(int Index, DateTimeOffset Start, IReadOnlyList<SimulatedMessage> Messages, IReadOnlyList<SimulatedConversion> Conversions);
