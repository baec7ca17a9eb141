namespace PqlGrains.Routing.Rules;

/// <summary>One rule looked at while routing, and why it did or did not match.</summary>
public sealed record RuleTrace(string RuleId, bool Matched, string Why);
