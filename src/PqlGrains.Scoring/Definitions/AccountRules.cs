namespace PqlGrains.Scoring.Definitions;

/// <summary>How an account's score is built.</summary>
/// <param name="TopUsers">The account score includes the sum of its top N users' decayed scores.</param>
/// <param name="Signals">Account-level signals, evaluated over the events of all the account's users.</param>
public sealed record AccountRules(int TopUsers, IReadOnlyList<SignalDefinition> Signals);
