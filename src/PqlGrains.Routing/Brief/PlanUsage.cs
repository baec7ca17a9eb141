namespace PqlGrains.Routing.Brief;

/// <summary>The account's plan and its usage against the plan's limits.</summary>
public sealed record PlanUsage(string Plan, IReadOnlyList<UsageAgainstLimit> Usage);
