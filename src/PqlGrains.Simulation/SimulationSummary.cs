namespace PqlGrains.Simulation;

/// <summary>Counts of what a simulation produced.</summary>
public sealed record SimulationSummary(int Users, int Accounts, int Days, long Events, int Conversions, int ConvertedAccounts, int PersonalUsers, int ChurnedUsers);
